package ai.andy.email.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import ai.andy.email.MailAccount;
import ai.andy.email.MailProviderKind;
import ai.andy.email.provider.MailProvider;
import ai.andy.email.provider.ProviderAccount;
import ai.andy.email.ProviderException;
import ai.andy.email.client.AuthServiceException;
import ai.andy.email.client.ProviderTokens;

/** Picks the adapter for an account and gives it what it needs to reach that mailbox. */
@ApplicationScoped
public class MailProviders {
    private final Map<MailProviderKind, MailProvider> byKind = new EnumMap<>(MailProviderKind.class);
    private final ProviderTokens tokens;

    MailProviders(Instance<MailProvider> adapters, ProviderTokens tokens) {
        adapters.forEach(adapter -> byKind.put(adapter.kind(), adapter));
        this.tokens = tokens;
    }

    public MailProvider forAccount(MailAccount account) {
        MailProvider provider = byKind.get(account.provider);
        if (provider == null) {
            throw new IllegalStateException("no adapter for " + account.provider);
        }
        return provider;
    }

    public ProviderAccount reach(MailAccount account) {
        String provider = account.provider.name();
        return new ProviderAccount(account.id, account.userId, account.address, account.displayName,
                account.connectionId, account.connectionId == null ? () -> null
                        : () -> token(account.userId, account.connectionId, provider));
    }

    private String token(String userId, UUID connectionId, String provider) {
        try {
            return tokens.accessToken(userId, connectionId);
        } catch (AuthServiceException e) {
            throw new ProviderException(provider, e.reconnect() ? ProviderException.Kind.UNAUTHORIZED
                    : ProviderException.Kind.UNAVAILABLE, e.getMessage(), e);
        }
    }
}

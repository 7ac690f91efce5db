package ai.andy.email.client;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Provider access tokens for connected mailboxes, kept in memory only (a bounded Caffeine cache) until a minute before
 * each expires, so a sync does not ask auth-service for every request.
 */
@ApplicationScoped
public class ProviderTokens {
    private static final Duration EARLY = Duration.ofSeconds(60);
    private static final int MAX_CONNECTIONS = 10_000;

    private final AuthService auth;
    private final Cache<UUID, AuthService.ProviderToken> cache = Caffeine.newBuilder()
            .maximumSize(MAX_CONNECTIONS)
            .expireAfter(Expiry.<UUID, AuthService.ProviderToken>creating((connection, token) -> usableFor(token)))
            .build();

    ProviderTokens(AuthService auth) {
        this.auth = auth;
    }

    /** @throws AuthServiceException when auth-service has none or cannot be asked */
    public String accessToken(String userId, UUID connectionId) {
        return cache.get(connectionId, id -> auth.providerToken(userId, id)).accessToken();
    }

    private static Duration usableFor(AuthService.ProviderToken token) {
        if (token.expiresAt() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(OffsetDateTime.now(), token.expiresAt()).minus(EARLY);
        return left.isNegative() ? Duration.ZERO : left;
    }
}

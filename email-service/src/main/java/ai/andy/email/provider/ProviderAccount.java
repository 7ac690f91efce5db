package ai.andy.email.provider;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * What an adapter needs to reach one person's mailbox. {@code accessToken} fetches a currently valid provider token
 * from auth-service on each call (it caches); adapters never see refresh tokens. Local accounts have no connection and
 * no token.
 */
public record ProviderAccount(UUID accountId, String userId, String address, String displayName, UUID connectionId,
        Supplier<String> accessToken) {

    @Override
    public String toString() {
        // Keep addresses out of logs and exception messages.
        return "ProviderAccount[" + accountId + "]";
    }
}

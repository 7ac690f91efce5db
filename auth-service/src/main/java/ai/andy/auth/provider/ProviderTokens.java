package ai.andy.auth.provider;

import java.time.Instant;

/** What a provider's token endpoint granted. {@code refreshToken} is null when the provider kept the old one. */
public record ProviderTokens(String accessToken, String refreshToken, Instant expiresAt, String scopes) {
    @Override
    public String toString() {
        return "ProviderTokens[expiresAt=" + expiresAt + ", scopes=" + scopes + "]"; // never the tokens
    }
}

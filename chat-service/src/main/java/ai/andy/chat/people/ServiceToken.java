package ai.andy.chat.people;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

/** chat-service's own token for other services' /internal/** endpoints (client credentials at auth-service). */
@ApplicationScoped
public class ServiceToken {
    private final OidcClient client;
    private volatile Tokens tokens;

    ServiceToken(OidcClient client) {
        this.client = client;
    }

    /** {@code Bearer <token>}, fetched again shortly before it expires. Blocking: call from worker threads. */
    public String header() {
        Tokens current = tokens;
        if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
            current = client.getTokens().await().atMost(Duration.ofSeconds(10));
            tokens = current;
        }
        return "Bearer " + current.getAccessToken();
    }

    /** After a refusal: the next call asks for a new token. */
    public void forget() {
        tokens = null;
    }
}

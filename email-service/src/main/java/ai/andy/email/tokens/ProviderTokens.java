package ai.andy.email.tokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.andy.email.provider.ProviderException;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

/**
 * Provider access tokens for connected mailboxes, from auth-service, which alone holds (and refreshes) the OAuth
 * tokens. email-service proves itself with a client-credentials service token (quarkus-oidc-client) and keeps each
 * provider token in memory only, until a minute before it expires. Blocking: call from worker threads.
 */
@ApplicationScoped
public class ProviderTokens {
    private static final Duration EARLY = Duration.ofSeconds(60);
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private record Cached(String token, OffsetDateTime expiresAt) {
    }

    private final OidcClient serviceCredentials;
    private final AuthServiceClient auth;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    private volatile Tokens serviceToken;

    ProviderTokens(OidcClient serviceCredentials, @RestClient AuthServiceClient auth) {
        this.serviceCredentials = serviceCredentials;
        this.auth = auth;
    }

    public String accessToken(String userId, UUID connectionId, String provider) {
        Cached cached = cache.get(connectionId);
        if (cached != null && cached.expiresAt().isAfter(OffsetDateTime.now().plus(EARLY))) {
            return cached.token();
        }
        try {
            AuthServiceClient.AccessToken fresh = auth.accessToken("Bearer " + serviceToken(), connectionId, userId);
            cache.put(connectionId, new Cached(fresh.accessToken(), fresh.expiresAt()));
            return fresh.accessToken();
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status == 401 || status == 403) {
                serviceToken = null;
            }
            throw new ProviderException(provider, status == 409 || status == 404
                    ? ProviderException.Kind.UNAUTHORIZED : ProviderException.Kind.UNAVAILABLE,
                    status == 409 || status == 404 ? "the account needs to be connected again"
                            : "auth-service could not provide a token (status " + status + ")", refused);
        } catch (ProcessingException unreachable) {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    "auth-service is not reachable", unreachable);
        }
    }

    /** Forgets a token the provider refused, so the next call asks auth-service again. */
    public void invalidate(UUID connectionId) {
        cache.remove(connectionId);
    }

    private String serviceToken() {
        Tokens current = serviceToken;
        if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
            current = serviceCredentials.getTokens().await().atMost(PATIENCE);
            serviceToken = current;
        }
        return current.getAccessToken();
    }
}

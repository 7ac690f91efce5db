package ai.andy.calendar.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/** auth-service behind a timeout, one retry and a breaker; the caller decides what a failure means. */
@ApplicationScoped
public class AuthServiceClient {
    private final AuthServiceApi api;
    private final OidcClient oidc;
    private volatile Tokens tokens;

    AuthServiceClient(@RestClient AuthServiceApi api, OidcClient oidc) {
        this.api = api;
        this.oidc = oidc;
    }

    @Timeout(3000)
    @Retry(maxRetries = 1, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    @CircuitBreakerName("auth-service")
    public Uni<AuthServiceApi.Profile> profile(String userId) {
        return serviceToken().chain(token -> api.profile(token, userId));
    }

    /** {@code Bearer <token>} for /internal/**, fetched again shortly before it expires. */
    private Uni<String> serviceToken() {
        Tokens current = tokens;
        if (current != null && !current.isAccessTokenExpired() && !current.isAccessTokenWithinRefreshInterval()) {
            return Uni.createFrom().item("Bearer " + current.getAccessToken());
        }
        return oidc.getTokens().map(t -> {
            tokens = t;
            return "Bearer " + t.getAccessToken();
        });
    }
}

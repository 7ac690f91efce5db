package ai.andy.voice.client;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerName;

/** A person's display name from auth-service, for the consent statement they read aloud. Blocking: worker threads. */
@ApplicationScoped
public class People {
    private final AuthApi auth;
    private final OidcClient oidc;
    private volatile Tokens tokens;

    People(@RestClient AuthApi auth, OidcClient oidc) {
        this.auth = auth;
        this.oidc = oidc;
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 20_000)
    @CircuitBreakerName("auth-service-profile")
    @Timeout(10_000)
    public Optional<String> displayName(String userId) {
        AuthApi.Profile profile = auth.profile(serviceToken(), userId);
        return Optional.ofNullable(profile.displayName()).filter(n -> !n.isBlank());
    }

    private String serviceToken() {
        Tokens current = tokens;
        if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
            current = oidc.getTokens().await().atMost(Duration.ofSeconds(10));
            tokens = current;
        }
        return "Bearer " + current.getAccessToken();
    }
}

package ai.andy.telephony.client;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerName;

/**
 * The person's greeting in their own voice, from voice-service, while a caller waits: at most a few hundred
 * milliseconds ({@code ANDY_TELEPHONY_GREETING_TIMEOUT_MS}), and when voice-service is slow, down or has no
 * greeting, empty, so Andy speaks its own. Blocking: call from worker threads.
 */
@ApplicationScoped
public class VoiceGreetings {
    private static final Duration TOKEN_PATIENCE = Duration.ofSeconds(5);

    private final VoiceServiceClient voice;
    private final OidcClient serviceCredentials;
    private volatile Tokens serviceToken;

    VoiceGreetings(@RestClient VoiceServiceClient voice, OidcClient serviceCredentials) {
        this.voice = voice;
        this.serviceCredentials = serviceCredentials;
    }

    @Timeout(value = 400)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000)
    @CircuitBreakerName("voice-greeting")
    @Fallback(fallbackMethod = "none")
    public Optional<String> greetingUrl(String userId) {
        try {
            VoiceServiceClient.Greeting greeting = voice.greeting("Bearer " + serviceToken(), userId);
            return greeting == null || greeting.url() == null || greeting.url().isBlank() ? Optional.empty()
                    : Optional.of(greeting.url());
        } catch (jakarta.ws.rs.WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            if (e.getResponse().getStatus() == 401 || e.getResponse().getStatus() == 403) {
                serviceToken = null;
            }
            throw e;
        }
    }

    Optional<String> none(String userId, Throwable failure) {
        Log.infof("speaking Andy's own greeting: voice-service gave none (%s)", failure.getClass().getName());
        return Optional.empty();
    }

    private String serviceToken() {
        Tokens current = serviceToken;
        if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
            current = serviceCredentials.getTokens().await().atMost(TOKEN_PATIENCE);
            serviceToken = current;
        }
        return current.getAccessToken();
    }
}

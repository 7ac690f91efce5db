package ai.andy.chat.client;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.RetryWhen;

/**
 * auth-service as chat calls it: a bounded wait, one retry of what may pass on a second try, and a breaker that stops
 * piling calls onto an auth-service that keeps failing. Blocking: call from a worker thread. Callers decide what a
 * failure means for the person (UTC and default retention, Andy's own model key).
 */
@ApplicationScoped
public class AuthClient {
    private final AuthApi api;

    AuthClient(@RestClient AuthApi api) {
        this.api = api;
    }

    /** The person's profile as auth-service keeps it. */
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, jitter = 100)
    @RetryWhen(exception = Retryable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("auth-service-profiles")
    public Profile profile(String userId) {
        AuthApi.Profile profile = api.profile(userId);
        Integer days = profile.preferences() == null ? null : profile.preferences().chatRetentionDays();
        return new Profile(profile.timezone(), days);
    }

    /** A key the person keeps with Andy (kind {@code openai}, ...); empty when they keep none. */
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, jitter = 100)
    @RetryWhen(exception = Retryable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("auth-service-keys")
    public Optional<String> key(String userId, String kind) {
        try {
            AuthApi.Key found = api.key(userId, kind);
            return Optional.ofNullable(found == null ? null : found.value()).filter(v -> !v.isBlank());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty(); // an answer, not a failure: the breaker must not count it
            }
            throw e;
        }
    }

    /** What chat reads of a profile; {@code timezone} and {@code chatRetentionDays} may be missing. */
    public record Profile(String timezone, Integer chatRetentionDays) {
    }
}

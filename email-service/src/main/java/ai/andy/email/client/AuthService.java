package ai.andy.email.client;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.CircuitBreakerName;

/**
 * auth-service, which alone holds (and refreshes) the provider OAuth tokens. Blocking: call from worker threads.
 * Only failures worth another try (auth-service down or answering 5xx) are retried and count against the breaker;
 * a connection that needs reconnecting is an answer, not an outage.
 */
@ApplicationScoped
public class AuthService {

    /** A provider access token and when it stops working. */
    public record ProviderToken(String accessToken, OffsetDateTime expiresAt) {
        @Override
        public String toString() {
            return "ProviderToken[expiresAt=" + expiresAt + "]";
        }
    }

    private final AuthServiceClient auth;

    AuthService(@RestClient AuthServiceClient auth) {
        this.auth = auth;
    }

    /**
     * @throws AuthServiceException {@code reconnect} when auth-service has no usable token for the connection
     *     (404/409), otherwise auth-service could not be asked
     */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 200, retryOn = AuthServiceException.Unavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            failOn = AuthServiceException.Unavailable.class)
    @CircuitBreakerName("auth-service")
    public ProviderToken providerToken(String userId, UUID connectionId) {
        try {
            AuthServiceClient.AccessToken token = auth.accessToken(connectionId, userId);
            return new ProviderToken(token.accessToken(), token.expiresAt());
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status == 404 || status == 409) {
                throw new AuthServiceException("the account needs to be connected again", true, refused);
            }
            if (status >= 500) {
                throw new AuthServiceException.Unavailable("auth-service answered " + status, refused);
            }
            throw new AuthServiceException("auth-service refused to give a token (status " + status + ")", false,
                    refused);
        } catch (ProcessingException unreachable) {
            throw new AuthServiceException.Unavailable("auth-service is not reachable", unreachable);
        }
    }
}

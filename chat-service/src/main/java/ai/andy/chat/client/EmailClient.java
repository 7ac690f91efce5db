package ai.andy.chat.client;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.andy.chat.intent.Person;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.RetryWhen;

/** email-service as chat calls it, with the same bounded wait, retry and breaker as {@link AuthClient}. Blocking. */
@ApplicationScoped
public class EmailClient {
    private final EmailApi api;

    EmailClient(@RestClient EmailApi api) {
        this.api = api;
    }

    /** The people the person has exchanged mail with whose name matches {@code name}. */
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, jitter = 100)
    @RetryWhen(exception = Retryable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("email-service")
    public List<Person> people(String userId, String name) {
        return api.people(userId, name).stream()
                .map(c -> new Person(c.name() == null ? name : c.name(), c.address(), null))
                .toList();
    }
}

package ai.andy.email.provider;

import ai.andy.email.ProviderException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Retries and one circuit breaker for one provider (SmallRye Fault Tolerance). Adapters throw {@link Retryable} for
 * answers worth another try (429, 503 and other 5xx, I/O errors); a {@code Retry-After} the provider sent is honoured,
 * otherwise the wait is exponential with full jitter. Throttling does not count against the breaker: it is pacing,
 * not an outage. What still fails comes out as a {@link ProviderException} of kind {@code UNAVAILABLE}.
 */
public final class ProviderCalls {
    private final String provider;
    private final Guard guard;

    public ProviderCalls(String provider, int maxRetries, Duration baseDelay, Duration maxDelay) {
        this.provider = provider;
        this.guard = Guard.create()
                .withDescription(provider)
                .withRetry()
                    .maxRetries(maxRetries)
                    .delay(baseDelay.toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    .maxDuration(5, ChronoUnit.MINUTES)
                    .retryOn(Retryable.class)
                    .withCustomBackoff().strategy(() -> new RetryAfterOrFullJitter(maxDelay.toMillis())).done()
                    .done()
                .withCircuitBreaker()
                    .name(provider + "-provider")
                    .when(failure -> failure instanceof Retryable retryable && !retryable.throttled())
                    .requestVolumeThreshold(20)
                    .failureRatio(0.5)
                    .delay(30, ChronoUnit.SECONDS)
                    .done()
                .build();
    }

    public static ProviderCalls withDefaults(String provider) {
        return new ProviderCalls(provider, 6, Duration.ofMillis(250), Duration.ofSeconds(30));
    }

    /** Runs one provider request (or one batch) under retries and the breaker. */
    public <T> T call(Callable<T> request) {
        try {
            return guard.call(request, (Class<T>) Object.class);
        } catch (Retryable still) {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    provider + " did not answer successfully after retries (last status " + still.status() + ")", still);
        } catch (CircuitBreakerOpenException open) {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    provider + " is failing; Andy pauses calls to it for a moment", open);
        } catch (ProviderException | CursorExpiredException passThrough) {
            throw passThrough;
        } catch (RuntimeException unexpected) {
            throw unexpected;
        } catch (Exception checked) {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    provider + " call failed: " + checked.getClass().getSimpleName(), checked);
        }
    }

    public void run(Runnable request) {
        call(() -> {
            request.run();
            return null;
        });
    }

    /**
     * A failed attempt worth repeating. {@code status} is the HTTP status (0 for an I/O error); {@code retryAfter} is
     * the provider's {@code Retry-After}, or null.
     */
    public static class Retryable extends RuntimeException {
        private final int status;
        private final Duration retryAfter;

        public Retryable(int status, Duration retryAfter, Throwable cause) {
            super("retryable provider answer " + status, cause, false, false);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        public int status() {
            return status;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        public boolean throttled() {
            return status == 429;
        }

        /** Parses a {@code Retry-After} header given in seconds (the form Gmail and Graph use); null when absent. */
        public static Duration parseRetryAfter(String header) {
            if (header == null || header.isBlank()) {
                return null;
            }
            try {
                return Duration.ofMillis((long) (Double.parseDouble(header.trim()) * 1000));
            } catch (NumberFormatException notSeconds) {
                return null;
            }
        }
    }

    private static final class RetryAfterOrFullJitter implements CustomBackoffStrategy {
        private final long maxDelayMillis;
        private long baseDelayMillis;
        private int attempt;

        RetryAfterOrFullJitter(long maxDelayMillis) {
            this.maxDelayMillis = maxDelayMillis;
        }

        @Override
        public void init(long baseDelayInMillis) {
            this.baseDelayMillis = baseDelayInMillis;
        }

        @Override
        public long nextDelayInMillis(Throwable cause) {
            attempt++;
            if (cause instanceof Retryable retryable && retryable.retryAfter() != null) {
                return Math.min(maxDelayMillis, retryable.retryAfter().toMillis());
            }
            long ceiling = Math.min(maxDelayMillis, baseDelayMillis << Math.min(attempt, 16));
            return ThreadLocalRandom.current().nextLong(ceiling + 1);
        }
    }
}

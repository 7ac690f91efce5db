package ai.andy.voice.provider;

import java.time.Duration;

/** A speech provider refused or failed; {@link Kind} says whose move it is. Messages never carry keys or text. */
public class ProviderException extends RuntimeException {
    public enum Kind {
        /** The provider refused the API key: the operator (or the person, for their own key) must fix it. */
        BAD_KEY,
        /** The account's character quota is used up. */
        QUOTA,
        /** Too many requests now; try again after {@link #retryAfter()}. */
        RATE_LIMITED,
        /** The provider rejected the request as made (e.g. an unusable sample): the message says why. */
        REJECTED,
        /** The voice does not exist at the provider. */
        NOT_FOUND,
        /** The provider is down or slow. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final Duration retryAfter;

    public ProviderException(Kind kind, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** May be null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The provider is down or answered 5xx: worth a retry, and counted by the circuit breaker. */
    public static class Unavailable extends ProviderException {
        public Unavailable(String message, Duration retryAfter) {
            super(Kind.UNAVAILABLE, message, retryAfter);
        }
    }

    /** 429: not retried here (Retry-After goes to the caller), but counted by the circuit breaker. */
    public static class RateLimited extends ProviderException {
        public RateLimited(String message, Duration retryAfter) {
            super(Kind.RATE_LIMITED, message, retryAfter);
        }
    }
}

package ai.andy.email;

/**
 * A provider call that failed for good (after pacing and retries). {@code kind} tells the API layer what to say.
 * Messages never contain tokens, addresses or message content.
 */
public class ProviderException extends RuntimeException {
    public enum Kind {
        /** The message or resource is not there (anymore). */
        NOT_FOUND,
        /** The provider refused the request as invalid (e.g. a recipient it will not accept). */
        REJECTED,
        /** The token was refused: the connection needs to be made again. */
        UNAUTHORIZED,
        /** Still throttled, or the provider is down, or its circuit breaker is open. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String provider;

    public ProviderException(String provider, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String provider() {
        return provider;
    }
}

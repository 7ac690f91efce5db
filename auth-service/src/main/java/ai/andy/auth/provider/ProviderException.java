package ai.andy.auth.provider;

/** A provider refused or failed; {@link Kind} says whether trying again can help. */
public class ProviderException extends RuntimeException {
    public enum Kind {
        /** The grant is gone (revoked, expired, password changed): the person must reconnect. */
        INVALID_GRANT,
        /** Andy's client credentials are wrong: an operator must fix the configuration. */
        INVALID_CLIENT,
        /** Timeouts, 5xx, 429: worth retrying with back-off. */
        TRANSIENT,
        /** Anything else the provider refused. */
        REFUSED
    }

    private final Kind kind;

    public ProviderException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProviderException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

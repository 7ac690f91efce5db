package ai.andy.gateway.security;

/**
 * An access token the gateway refuses. The message is safe to show the client: it never quotes the token or its
 * claims.
 */
public class InvalidTokenException extends RuntimeException {
    private final boolean expired;

    public InvalidTokenException(String message) {
        this(message, false);
    }

    private InvalidTokenException(String message, boolean expired) {
        super(message, null, false, false);
        this.expired = expired;
    }

    public static InvalidTokenException expired() {
        return new InvalidTokenException("The access token has expired; refresh it and try again.", true);
    }

    public boolean isExpired() {
        return expired;
    }
}

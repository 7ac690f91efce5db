package ai.andy.email.client;

/** auth-service gave no provider token. Messages never carry tokens. */
public class AuthServiceException extends RuntimeException {
    private final boolean reconnect;

    public AuthServiceException(String message, boolean reconnect, Throwable cause) {
        super(message, cause);
        this.reconnect = reconnect;
    }

    /** True when the person has to connect the account again; false when auth-service could not be asked. */
    public boolean reconnect() {
        return reconnect;
    }

    /** auth-service down or failing: worth another try. */
    public static class Unavailable extends AuthServiceException {
        public Unavailable(String message, Throwable cause) {
            super(message, false, cause);
        }
    }
}

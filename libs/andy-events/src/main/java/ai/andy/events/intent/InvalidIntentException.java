package ai.andy.events.intent;

/**
 * An intent's params that do not fit its record. {@code field} names the parameter (dotted for nested ones, e.g.
 * {@code changes.start}); the message says what is wrong in words a person can act on, and is what the owning
 * service answers as {@code rejected}.
 */
public class InvalidIntentException extends RuntimeException {
    private final String field;

    public InvalidIntentException(String field, String reason) {
        super(field == null ? reason : "'" + field + "' " + reason);
        this.field = field;
    }

    /** Thrown from a params record's constructor when a required parameter is missing. */
    public static InvalidIntentException missing(String field, String what) {
        return new InvalidIntentException(field, "is missing: " + what + ".");
    }

    public String field() {
        return field;
    }
}

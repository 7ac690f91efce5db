package ai.andy.events;

/**
 * An event that can never be processed, however often it is retried: missing CloudEvents attributes,
 * or a payload that is not the JSON its topic promises. It goes straight to the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

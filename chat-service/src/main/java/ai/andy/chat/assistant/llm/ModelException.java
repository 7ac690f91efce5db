package ai.andy.chat.assistant.llm;

/**
 * A model call that gave no usable answer. The message is for the person: plain words, no key, no message text.
 * {@link #kind()} lets a caller pick a status (e.g. BUDGET → 429, REFUSED → 502, NOT_CONFIGURED → fall back).
 */
public class ModelException extends RuntimeException {

    public enum Kind {
        /** No base URL or model configured. */
        NOT_CONFIGURED,
        /** The person's daily token budget is used up; no call was made. */
        BUDGET,
        /** 429 after every retry, or a Retry-After longer than Andy waits. */
        RATE_LIMITED,
        /** 5xx or no connection after every retry. */
        UNAVAILABLE,
        /** No answer within the timeout after every retry. */
        TIMEOUT,
        /** The stream stopped before the answer finished, or was malformed: nothing from it was acted on. */
        INCOMPLETE,
        /** The provider refused the request (401, 403, 400, 404, quota). */
        REFUSED,
        /** Anything else. */
        FAILED
    }

    private final Kind kind;

    public ModelException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

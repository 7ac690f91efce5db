package ai.andy.telephony.provider;

/** The carrier refused or failed; {@code code} is Twilio's error code when it gave one (e.g. 21211, 21610). */
public class CarrierException extends RuntimeException {
    public enum Kind {
        /** The number cannot receive texts or calls (Twilio 21211, 21614...). */
        INVALID_NUMBER,
        /** The recipient replied STOP to this sender (Twilio 21610). */
        UNSUBSCRIBED,
        /** Too many requests (HTTP 429, Twilio 20429): try again later. */
        RATE_LIMITED,
        /** Anything else: the carrier is unreachable or failed. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final Integer code;

    public CarrierException(Kind kind, Integer code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public Integer code() {
        return code;
    }
}

package ai.andy.email.provider;

/** The provider no longer knows a sync cursor (Gmail: history id too old, 404; Graph: delta token expired, 410). */
public class CursorExpiredException extends RuntimeException {
    public CursorExpiredException(String message) {
        super(message);
    }
}

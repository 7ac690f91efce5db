package ai.andy.events.payload;

/**
 * {@code connection.changed}: a person connected, lost or removed a Google or Microsoft account.
 * {@code status} is {@code active}, {@code needs_reauth} or {@code revoked}. Never carries a token.
 */
public record ConnectionChanged(String connectionId, String provider, String account, String status) {
}

package ai.andy.chat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A side-effecting intent waiting for the person: exactly what will happen ({@code summary}, plus the intent and its
 * params), and until when it can be confirmed. {@code status}: pending, confirmed, executed, failed, rejected, expired.
 */
public record PendingActionView(UUID id, UUID conversationId, String intent, Map<String, Object> params,
        String summary, String status, OffsetDateTime createdAt, OffsetDateTime expiresAt, Map<String, Object> outcome) {
}

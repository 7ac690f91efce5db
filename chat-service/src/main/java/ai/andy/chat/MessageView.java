package ai.andy.chat;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One message of a conversation; {@code role} is {@code user} or {@code assistant}. */
public record MessageView(UUID id, String role, String text, OffsetDateTime createdAt) {
}

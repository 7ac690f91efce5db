package ai.andy.chat;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A conversation as listed: its title is the start of its first message unless the person named it. */
public record ConversationView(UUID id, String title, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}

package ai.andy.chat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A conversation with a page of its messages: the newest ones, oldest first, so a client shows them as they are;
 * {@code nextCursor} fetches the page of older messages before them.
 */
public record ConversationDetail(UUID id, String title, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        List<MessageView> messages, String nextCursor) {
}

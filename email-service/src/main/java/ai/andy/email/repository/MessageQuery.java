package ai.andy.email.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * A filter over one person's stored messages; null fields do not filter. {@code text} matches subject, snippet and
 * sender (the local part of a search; providers search their own mail). {@code after} is the cursor: the last message
 * of the previous page.
 */
public record MessageQuery(Boolean unread, Instant since, Instant until, String from, String text, String label,
        UUID accountId, MessageCursor after, int limit) {
}

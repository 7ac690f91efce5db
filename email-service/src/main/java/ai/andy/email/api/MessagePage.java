package ai.andy.email.api;

import java.util.List;

/** One page of messages, newest first; {@code nextCursor} is null on the last page. */
public record MessagePage(List<MessageView> messages, String nextCursor) {
}

package ai.andy.chat;

import java.util.List;

/** The person's conversations, most recently active first; {@code nextCursor} fetches the next page. */
public record ConversationPage(List<ConversationView> conversations, String nextCursor) {
}

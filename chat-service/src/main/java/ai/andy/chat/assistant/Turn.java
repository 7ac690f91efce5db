package ai.andy.chat.assistant;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import ai.andy.chat.intent.PeopleDirectory;

/**
 * One chat turn: who asks, in which conversation, what came before (oldest first, already decrypted), the new text,
 * the present in the person's time zone, and the people they have exchanged mail with.
 */
public record Turn(String userId, UUID conversationId, List<HistoryMessage> history, String text, ZonedDateTime now,
        PeopleDirectory people) {

    /** An earlier message of the conversation; {@code role} is {@code user} or {@code assistant}. */
    public record HistoryMessage(String role, String text) {
    }
}

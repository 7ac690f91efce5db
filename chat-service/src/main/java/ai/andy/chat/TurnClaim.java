package ai.andy.chat;

import java.util.UUID;

/**
 * A message sent with an {@code Idempotency-Key}. {@code first}: this request claimed the key and runs the turn;
 * otherwise what the earlier one recorded (its question and, once answered, its answer).
 */
public record TurnClaim(boolean first, UUID conversationId, UUID questionId, UUID answerId) {
}

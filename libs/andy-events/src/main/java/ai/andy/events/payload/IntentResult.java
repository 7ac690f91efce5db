package ai.andy.events.payload;

import java.util.Map;

/**
 * The answer to a {@link ChatIntent}, on the owning service's result topic ({@code email.fetched}, ...).
 * {@code status} is {@code ok}, {@code rejected} (the request cannot be done as asked: {@code error} says why, in
 * words a person can act on) or {@code failed} (the provider or the service failed). {@code result} is
 * intent-specific JSON.
 */
public record IntentResult(String requestId, String conversationId, String intent, String status,
        Map<String, Object> result, String error) {

    public static IntentResult ok(ChatIntent intent, Map<String, Object> result) {
        return new IntentResult(intent.requestId(), intent.conversationId(), intent.intent(), "ok", result, null);
    }

    public static IntentResult rejected(ChatIntent intent, String error) {
        return new IntentResult(intent.requestId(), intent.conversationId(), intent.intent(), "rejected", Map.of(),
                error);
    }

    public static IntentResult failed(ChatIntent intent, String error) {
        return new IntentResult(intent.requestId(), intent.conversationId(), intent.intent(), "failed", Map.of(),
                error);
    }
}

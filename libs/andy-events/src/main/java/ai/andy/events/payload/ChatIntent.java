package ai.andy.events.payload;

import java.util.Map;

/**
 * {@code chat.intent}: chat-service asks the owning service to act (see the intents table in ARCHITECTURE.md).
 * {@code intent} is e.g. {@code email.list}; its owner answers on its result topic ({@code email.fetched}, ...) with
 * the same {@code requestId}. Side-effecting intents are only published after the person confirmed them.
 */
public record ChatIntent(String requestId, String conversationId, String intent, Map<String, Object> params) {

    public ChatIntent {
        params = params == null ? Map.of() : params;
    }

    /** The domain an intent belongs to: {@code email} for {@code email.list}. */
    public String domain() {
        int dot = intent == null ? -1 : intent.indexOf('.');
        return dot < 0 ? "" : intent.substring(0, dot);
    }
}

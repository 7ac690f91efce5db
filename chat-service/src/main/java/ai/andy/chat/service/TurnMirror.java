package ai.andy.chat.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.chat.PendingActionView;
import ai.andy.events.Topics;
import ai.andy.events.payload.NotifyUser;

/**
 * Mirrors a turn's events to the person's {@code /ws} connections (through {@code notify.user}, which every gateway
 * instance delivers), so their other devices follow the conversation live. Kinds are {@code chat.<event>}; answer
 * tokens are sent in batches of at most {@value #TOKEN_BATCH_MS} ms rather than one record per token.
 */
@ApplicationScoped
public class TurnMirror {
    static final long TOKEN_BATCH_MS = 150;

    private final EventPublisher events;

    TurnMirror(EventPublisher events) {
        this.events = events;
    }

    /** A stream for one turn of {@code userId} in {@code conversationId}. */
    public TurnStream forTurn(String userId, UUID conversationId) {
        return new Mirror(userId, conversationId);
    }

    /** Something about a pending action changed (confirmed, executed, rejected), for the person's clients. */
    public void actionChanged(String userId, PendingActionView action) {
        publish(userId, "chat.action", action.conversationId(), Map.of("action", action));
    }

    void publish(String userId, String kind, UUID conversationId, Map<String, Object> fields) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversationId", conversationId == null ? null : conversationId.toString());
        data.putAll(fields);
        events.publish(Topics.NOTIFY_USER, userId, new NotifyUser(kind, null, null, data));
    }

    private final class Mirror implements TurnStream {
        private final String userId;
        private final UUID conversationId;
        private final StringBuilder tokens = new StringBuilder();
        private long firstBuffered;

        Mirror(String userId, UUID conversationId) {
            this.userId = userId;
            this.conversationId = conversationId;
        }

        @Override
        public synchronized void started(UUID conversation, UUID messageId) {
            publish(userId, "chat.turn", conversationId, Map.of("messageId", messageId.toString()));
        }

        @Override
        public synchronized void token(String text) {
            if (tokens.isEmpty()) {
                firstBuffered = System.nanoTime();
            }
            tokens.append(text);
            if (System.nanoTime() - firstBuffered >= TOKEN_BATCH_MS * 1_000_000) {
                flush();
            }
        }

        @Override
        public synchronized void progress(String text) {
            flush();
            publish(userId, "chat.progress", conversationId, Map.of("text", text));
        }

        @Override
        public synchronized void pendingAction(PendingActionView action) {
            flush();
            publish(userId, "chat.action", conversationId, Map.of("action", action));
        }

        @Override
        public synchronized void error(String message) {
            flush();
            publish(userId, "chat.error", conversationId, Map.of("message", message));
        }

        @Override
        public synchronized void done(UUID messageId, String text) {
            flush();
            publish(userId, "chat.done", conversationId, Map.of("messageId", messageId.toString()));
        }

        private void flush() {
            if (!tokens.isEmpty()) {
                publish(userId, "chat.token", conversationId, Map.of("text", tokens.toString()));
                tokens.setLength(0);
            }
        }
    }
}

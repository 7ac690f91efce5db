package ai.andy.chat.service;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.chat.ConversationDetail;
import ai.andy.chat.ConversationPage;
import ai.andy.chat.ConversationView;
import ai.andy.chat.MessageView;
import ai.andy.chat.TurnClaim;
import ai.andy.chat.client.PersonProfiles;
import ai.andy.chat.repository.ConversationStore;
import ai.andy.chat.repository.PageCursor;
import ai.andy.chat.repository.TurnRequests;
import io.smallrye.mutiny.Uni;

/**
 * A person's conversations and the messages sent with an {@code Idempotency-Key}. Every call names the person: another
 * person's conversation reads as absent. New conversations are kept for the person's own retention period.
 */
@ApplicationScoped
public class ConversationService {
    private static final Duration DB = Duration.ofSeconds(10);

    private final ConversationStore conversations;
    private final TurnRequests turnRequests;
    private final PersonProfiles profiles;

    ConversationService(ConversationStore conversations, TurnRequests turnRequests, PersonProfiles profiles) {
        this.conversations = conversations;
        this.turnRequests = turnRequests;
        this.profiles = profiles;
    }

    /** Blocking (the person's retention comes from auth-service): call from a worker thread. */
    public ConversationView create(String userId, String title) {
        Duration retention = profiles.of(userId).retention();
        return conversations.create(userId, title, retention).await().atMost(DB);
    }

    public Uni<ConversationPage> list(String userId, int limit, String cursor) {
        return conversations.list(userId, limit, PageCursor.decode(cursor));
    }

    public Uni<Optional<ConversationDetail>> detail(String userId, UUID id, int limit, String cursor) {
        return conversations.detail(userId, id, limit, PageCursor.decode(cursor));
    }

    public Uni<Boolean> delete(String userId, UUID id) {
        return conversations.delete(userId, id);
    }

    /** Blocking. */
    public boolean exists(String userId, UUID id) {
        return conversations.find(userId, id).await().atMost(DB).isPresent();
    }

    /** Blocking. One message of the person's conversation, while it is kept. */
    public Optional<MessageView> message(String userId, UUID conversationId, UUID id) {
        return conversations.message(userId, conversationId, id).await().atMost(DB);
    }

    /** Blocking. Claims an Idempotency-Key for a message, or says what the earlier message with it recorded. */
    public TurnClaim claim(String userId, String key, UUID conversationId) {
        return turnRequests.claim(userId, key, conversationId).await().atMost(DB);
    }

    /** Blocking. Records the answer a claimed key's message got, for replays. */
    public void answered(String userId, String key, TurnService.Answered answered) {
        turnRequests.answered(userId, key, answered.questionId(), answered.answerId()).await().atMost(DB);
    }

    /** Everything of a person who deleted their account; idempotent, so a redelivered event needs no bookkeeping. */
    public Uni<Void> forgetUser(String userId) {
        return conversations.forgetUser(userId);
    }

    /** A turn that failed gives its key back, so that retrying it runs the turn; in the background. */
    public void release(String userId, String key) {
        turnRequests.release(userId, key).subscribe().with(ok -> { }, failure -> { });
    }
}

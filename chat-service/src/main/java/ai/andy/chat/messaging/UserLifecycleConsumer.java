package ai.andy.chat.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.chat.service.ConversationService;
import ai.andy.events.EventConsumer;
import ai.andy.events.payload.UserDeleted;
import io.smallrye.mutiny.Uni;

/** Forgets every conversation, message and pending action of a person who deleted their account. */
@ApplicationScoped
public class UserLifecycleConsumer {
    private final ConversationService conversations;

    UserLifecycleConsumer(ConversationService conversations) {
        this.conversations = conversations;
    }

    /** Deleting is idempotent, so a redelivered event needs no bookkeeping. */
    @Incoming("user-deleted")
    public Uni<Void> userDeleted(Message<String> record) {
        return EventConsumer.consume(record, UserDeleted.class, event -> conversations.forgetUser(event.userId()));
    }
}

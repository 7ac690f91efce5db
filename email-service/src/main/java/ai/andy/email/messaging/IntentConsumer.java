package ai.andy.email.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.email.service.EmailIntents;
import ai.andy.events.EventConsumer;
import ai.andy.events.Topics;
import ai.andy.events.payload.ChatIntent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * chat's {@code email.*} intents in, answers out on {@code email.fetched} with the same request id. The work blocks
 * (provider SDKs), so it runs on a worker thread, never on the Kafka event loop.
 */
@ApplicationScoped
public class IntentConsumer {
    private final EmailIntents intents;
    private final EventPublisher events;

    IntentConsumer(EmailIntents intents, EventPublisher events) {
        this.intents = intents;
        this.events = events;
    }

    @Incoming("chat-intent")
    public Uni<Void> intent(Message<String> record) {
        return EventConsumer.consume(record, ChatIntent.class, event -> {
            if (!"email".equals(event.data().domain())) {
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom().item(() -> intents.answer(event.userId(), event.data()))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .invoke(result -> events.publish(Topics.EMAIL_FETCHED, event.userId(), result))
                    .replaceWithVoid();
        });
    }
}

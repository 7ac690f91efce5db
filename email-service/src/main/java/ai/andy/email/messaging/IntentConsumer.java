package ai.andy.email.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.email.service.EmailIntents;
import ai.andy.events.AndyEvent;
import ai.andy.events.EventConsumer;
import ai.andy.events.Topics;
import ai.andy.events.intent.IntentDecoder;
import ai.andy.events.intent.Intents;
import ai.andy.events.intent.InvalidIntentException;
import ai.andy.events.payload.ChatIntent;
import ai.andy.events.payload.IntentResult;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * chat's {@code email.*} intents in, decoded into their params records; answers out on {@code email.fetched} with the
 * same request id. Params that do not fit the record are answered {@code rejected} with the field and what is wrong.
 * The work blocks (provider SDKs), so it runs on a worker thread, never on the Kafka event loop.
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
            return Uni.createFrom().item(() -> answer(event))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .invoke(result -> events.publish(Topics.EMAIL_FETCHED, event.userId(), result))
                    .replaceWithVoid();
        });
    }

    private IntentResult answer(AndyEvent<ChatIntent> event) {
        ChatIntent intent = event.data();
        Object params = null;
        if (Intents.find(intent.intent()).isPresent()) {
            try {
                params = IntentDecoder.params(intent);
            } catch (InvalidIntentException invalid) {
                return IntentResult.rejected(intent, invalid.getMessage());
            }
        }
        return intents.answer(event.userId(), intent, params);
    }
}

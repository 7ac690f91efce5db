package ai.andy.calendar.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.calendar.service.IntentService;
import ai.andy.events.EventConsumer;
import ai.andy.events.Events;
import ai.andy.events.Topics;
import ai.andy.events.payload.ChatIntent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Answers chat's {@code calendar.*} and {@code task.*} intents on {@code calendar.fetched}, with the same request id.
 * The answer goes straight to Kafka: it is a reply on the person's turn, not a state change (the changes an intent
 * makes are announced through the outbox by the services).
 */
@ApplicationScoped
public class IntentConsumer {
    private final IntentService intents;
    private final MutinyEmitter<String> kafka;

    IntentConsumer(IntentService intents, @Channel("calendar-events") MutinyEmitter<String> kafka) {
        this.intents = intents;
        this.kafka = kafka;
    }

    @Incoming("chat-intent")
    public Uni<Void> intent(Message<String> record) {
        return EventConsumer.consume(record, ChatIntent.class, event -> {
            String domain = event.data().domain();
            if (!"calendar".equals(domain) && !"task".equals(domain)) {
                return Uni.createFrom().voidItem();
            }
            return intents.answer(event.userId(), event.data()).chain(answer -> kafka.sendMessage(
                    Events.message("calendar-service", Topics.CALENDAR_FETCHED, event.userId(), answer)));
        });
    }
}

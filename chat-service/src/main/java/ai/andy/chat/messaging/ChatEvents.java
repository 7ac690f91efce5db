package ai.andy.chat.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import ai.andy.chat.service.EventPublisher;
import ai.andy.events.Events;
import ai.andy.events.Topics;
import ai.andy.events.payload.ChatIntent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * chat-service's records on Kafka, as CloudEvents: intents on their own channel ({@code chat-intent}, no linger, as a
 * turn waits for the answer), everything else on {@code chat-events}, whose topic each record names.
 */
@ApplicationScoped
public class ChatEvents implements EventPublisher {
    private final MutinyEmitter<String> intents;
    private final MutinyEmitter<String> events;

    ChatEvents(@Channel("chat-intent") MutinyEmitter<String> intents,
            @Channel("chat-events") MutinyEmitter<String> events) {
        this.intents = intents;
        this.events = events;
    }

    @Override
    public Uni<Void> sendIntent(String userId, ChatIntent intent) {
        return intents.sendMessage(Events.message("chat-service", Topics.CHAT_INTENT, userId, intent));
    }

    @Override
    public void publish(String topic, String userId, Object payload) {
        events.sendMessage(Events.message("chat-service", topic, userId, payload))
                .subscribe().with(ok -> { }, failure -> Log.warnf("could not publish a %s event: %s", topic,
                        failure.getClass().getSimpleName()));
    }
}

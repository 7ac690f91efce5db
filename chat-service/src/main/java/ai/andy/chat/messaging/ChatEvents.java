package ai.andy.chat.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import ai.andy.events.Events;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * chat-service's events other than intents ({@code notify.user}, {@code usage.recorded}), sent straight to Kafka:
 * losing one costs a live update or a usage count, never a person's data, so they do not go through the outbox.
 */
@ApplicationScoped
public class ChatEvents {
    private final MutinyEmitter<String> kafka;

    ChatEvents(@Channel("chat-events") MutinyEmitter<String> kafka) {
        this.kafka = kafka;
    }

    public void publish(String topic, String userId, Object payload) {
        kafka.sendMessage(Events.message("chat-service", topic, userId, payload))
                .subscribe().with(ok -> { }, failure -> Log.warnf("could not publish a %s event: %s", topic,
                        failure.getClass().getSimpleName()));
    }
}

package ai.andy.email.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import ai.andy.events.Events;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Events that are not tied to a database change (intent answers, usage): sent straight to Kafka. Events that are
 * (a message sent, mail received) go through the transactional outbox instead.
 */
@ApplicationScoped
public class EventPublisher {
    private final MutinyEmitter<String> kafka;

    EventPublisher(@Channel("email-events") MutinyEmitter<String> kafka) {
        this.kafka = kafka;
    }

    public void publish(String topic, String userId, Object payload) {
        kafka.sendMessage(Events.message("email-service", topic, userId, payload))
                .subscribe().with(ok -> { }, failure -> Log.warnf("could not publish a %s event: %s", topic,
                        failure.getClass().getSimpleName()));
    }
}

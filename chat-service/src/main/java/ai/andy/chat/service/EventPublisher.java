package ai.andy.chat.service;

import ai.andy.events.payload.ChatIntent;
import io.smallrye.mutiny.Uni;

/**
 * What the services here publish on Kafka, implemented by {@code messaging}: the decisions are made here, the records
 * are written there, so that the messaging layer depends on this one and never the other way round.
 */
public interface EventPublisher {

    /** Publishes a read-only intent on {@code chat.intent} at once; fails when the broker did not take it. */
    Uni<Void> sendIntent(String userId, ChatIntent intent);

    /**
     * An event other than an intent ({@code notify.user}, {@code usage.recorded}), best effort: losing one costs a
     * live update or a usage count, never a person's data, so these do not go through the outbox.
     */
    void publish(String topic, String userId, Object payload);
}

package ai.andy.runtime.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.events.Events;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The transactional outbox: a service records the events its state change implies inside the same database
 * transaction, and {@link OutboxRelay} publishes them. Either both the change and its events happen, or neither:
 * a crash between the commit and the send cannot lose an event.
 */
@ApplicationScoped
public class Outbox {

    /** Records an event for {@code topic}; call inside the transaction that makes the change. */
    public Uni<Void> add(String topic, String userId, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.userId = userId;
        event.payload = Events.toJson(payload);
        event.createdAt = OffsetDateTime.now();
        return Panache.getSession().chain(session -> session.persist(event));
    }
}

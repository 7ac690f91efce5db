package ai.andy.runtime.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.events.Events;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

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

    /**
     * The same for code that writes through the reactive SQL client: call with the connection of the transaction
     * that makes the change ({@code Pool.withTransaction}).
     */
    public Uni<Void> add(SqlConnection transaction, String topic, String userId, Object payload) {
        return transaction.preparedQuery("insert into outbox_event (id, topic, user_id, payload, created_at) "
                + "values ($1, $2, $3, $4, now())")
                .execute(Tuple.of(UUID.randomUUID(), topic, userId, Events.toJson(payload)))
                .replaceWithVoid();
    }
}

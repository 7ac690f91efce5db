package ai.andy.runtime.outbox;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import ai.andy.events.Events;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes outbox rows to Kafka in the order they were written, then deletes them: a row may hold personal text
 * (a confirmed mail's body), which the database should keep no longer than it takes to publish. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several replicas of a service relay side by side without sending a row twice
 * (short of a crash between send and delete, which consumers absorb because the event id is the row id).
 * The outbox uses one channel whose records name their topic, rather than one channel per topic.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final int BATCH = 200;

    private final MutinyEmitter<String> kafka;
    private final String service;
    private final Duration sendTimeout;

    OutboxRelay(@Channel("andy-outbox") MutinyEmitter<String> kafka,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "andy.outbox.send-timeout", defaultValue = "10s") Duration sendTimeout) {
        this.kafka = kafka;
        this.service = service;
        this.sendTimeout = sendTimeout;
    }

    @Scheduled(every = "${andy.outbox.interval:1s}", concurrentExecution = ConcurrentExecution.SKIP,
                skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        return relayBatch().replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("outbox relay will retry: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Publishes up to one batch; returns how many rows it published. */
    public Uni<Integer> relayBatch() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select * from outbox_event where published_at is null"
                        + " order by created_at, id limit " + BATCH + " for update skip locked", OutboxEvent.class)
                .getResultList()
                .chain(rows -> publishInOrder(rows).chain(() -> delete(rows)))));
    }

    private Uni<Void> publishInOrder(List<OutboxEvent> rows) {
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> kafka
                        .sendMessage(Events.messageFromJson(service, row.topic, row.userId, row.payload, row.id.toString()))
                        .ifNoItem().after(sendTimeout).fail())
                .collect().last().replaceWithVoid();
    }

    private Uni<Integer> delete(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from outbox_event where id in (?1)")
                .setParameter(1, rows.stream().map(r -> r.id).toList())
                .executeUpdate());
    }

    /** Rows an older version marked published instead of deleting them. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = ConcurrentExecution.SKIP,
                skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("delete from outbox_event where published_at is not null")
                .executeUpdate())).replaceWithVoid();
    }
}

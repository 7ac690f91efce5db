package ai.andy.events;

import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies an event's effect at most once per consumer, in one reactive transaction with the record of the event id.
 * Two deliveries of the same event (at-least-once Kafka, a redelivery after a crash) then change the database once.
 */
public final class ProcessedEvents {

    /**
     * Runs {@code effect} in a new transaction unless {@code consumer} already applied {@code event}.
     *
     * @param consumer a stable name for the consuming code, e.g. {@code email-service/user.created}
     * @return true if the effect ran, false if the event had been applied before
     */
    public static Uni<Boolean> applyOnce(String consumer, AndyEvent<?> event, Supplier<Uni<?>> effect) {
        return Panache.withTransaction(() -> claim(consumer, event.id())
                .chain(first -> first ? effect.get().replaceWith(true) : Uni.createFrom().item(false)));
    }

    /** Inside the caller's transaction: true the first time this consumer sees the event id, false afterwards. */
    public static Uni<Boolean> claim(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, now())"
                        + " on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private ProcessedEvents() {
    }
}

package ai.andy.calendar.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.calendar.Reminder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReminderRepository implements PanacheRepositoryBase<Reminder, UUID> {

    /** Plans a reminder unless one exists for the same occurrence (planned earlier, or by another instance). */
    public Uni<Boolean> plan(String userId, String kind, UUID itemId, Instant occurrenceStart, Instant fireAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into reminder (id, user_id, kind, item_id, occurrence_start, fire_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (kind, item_id, occurrence_start) do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, userId).setParameter(3, kind)
                .setParameter(4, itemId).setParameter(5, occurrenceStart).setParameter(6, fireAt)
                .executeUpdate()).map(n -> n == 1);
    }

    /**
     * Due reminders not yet fired, locked for this transaction. Rows another transaction holds are skipped, so two
     * instances claiming at once split the work instead of both firing it.
     */
    public Uni<List<Reminder>> claimDue(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select * from reminder where fired_at is null and fire_at <= ?1 order by fire_at, id limit "
                        + limit + " for update skip locked", Reminder.class)
                .setParameter(1, now)
                .getResultList());
    }

    /** Forgets unfired reminders of an item whose time or existence changed; the planner plans them anew. */
    public Uni<Long> unplan(String kind, UUID itemId) {
        return delete("kind = ?1 and itemId = ?2 and firedAt is null", kind, itemId);
    }

    public Uni<Long> deleteForUser(String userId) {
        return delete("userId", userId);
    }
}

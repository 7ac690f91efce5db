package ai.andy.calendar.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.calendar.CalendarEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<CalendarEvent, UUID> {

    public Uni<CalendarEvent> forUser(String userId, UUID id) {
        return find("userId = ?1 and id = ?2", userId, id).firstResult();
    }

    /**
     * Everything that can put an occurrence in [from, to): single events and exceptions overlapping it, and series
     * that started before its end and have not ended before its start. Optionally one calendar only.
     */
    public Uni<List<CalendarEvent>> candidates(String userId, Instant from, Instant to, UUID calendarId) {
        String where = "userId = ?1 and ((rrule is null and startAt < ?3 and endAt > ?2)"
                + " or (rrule is not null and startAt < ?3 and (seriesUntil is null or seriesUntil > ?2)))";
        if (calendarId != null) {
            return list(where + " and calendarId = ?4", userId, from, to, calendarId);
        }
        return list(where, userId, from, to);
    }

    /** The exceptions (moved or cancelled instances) of the given series. */
    public Uni<List<CalendarEvent>> exceptionsOf(List<UUID> seriesIds) {
        if (seriesIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("seriesId in ?1", seriesIds);
    }

    public Uni<CalendarEvent> exception(UUID seriesId, Instant originalStart) {
        return find("seriesId = ?1 and originalStart = ?2", seriesId, originalStart).firstResult();
    }

    public Uni<List<CalendarEvent>> inCalendar(String userId, UUID calendarId) {
        return list("userId = ?1 and calendarId = ?2 order by startAt", userId, calendarId);
    }

    /** Events and series with a reminder that can fire before {@code until}: the reminder planner expands these. */
    public Uni<List<CalendarEvent>> withRemindersBetween(Instant from, Instant until) {
        return list("reminderMinutes is not null and status = 'confirmed' and ("
                + "(rrule is null and startAt > ?1 and startAt < ?2)"
                + " or (rrule is not null and startAt < ?2 and (seriesUntil is null or seriesUntil > ?1)))",
                from, until);
    }

    public Uni<Long> deleteForUser(String userId) {
        return delete("userId", userId);
    }
}

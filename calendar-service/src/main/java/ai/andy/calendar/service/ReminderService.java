package ai.andy.calendar.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.calendar.CalendarEvent;
import ai.andy.calendar.Reminder;
import ai.andy.calendar.config.CalendarConfig;
import ai.andy.calendar.repository.EventRepository;
import ai.andy.calendar.repository.ReminderRepository;
import ai.andy.calendar.repository.TaskRepository;
import ai.andy.events.Topics;
import ai.andy.events.payload.NotifyUser;
import ai.andy.events.payload.ReminderDue;
import ai.andy.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Durable reminders. {@link #plan} writes a row per event occurrence (its lead time before the start) and per task
 * due time coming up within the horizon; {@link #fire} claims due rows with {@code FOR UPDATE SKIP LOCKED} and sends
 * each once ({@code reminder.due} and {@code notify.user} through the outbox, in the claiming transaction). A row
 * claimed late (the service was down) is still sent while the event has not started or the task is within its grace;
 * otherwise it is marked stale. What changed since planning (a moved or cancelled event, a completed task) is
 * checked at firing time.
 */
@ApplicationScoped
public class ReminderService {
    private static final int BATCH = 100;
    /** Reminders are at most a week ahead (EventRequest caps reminderMinutes). */
    private static final Duration MAX_LEAD = Duration.ofDays(7);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm");

    private final EventRepository events;
    private final TaskRepository tasks;
    private final ReminderRepository reminders;
    private final Outbox outbox;
    private final CalendarConfig config;

    ReminderService(EventRepository events, TaskRepository tasks, ReminderRepository reminders, Outbox outbox,
            CalendarConfig config) {
        this.events = events;
        this.tasks = tasks;
        this.reminders = reminders;
        this.outbox = outbox;
        this.config = config;
    }

    /** Plans the reminders due before now + horizon; returns how many new rows it wrote. */
    @WithTransaction
    public Uni<Integer> plan() {
        Instant now = Instant.now();
        Instant until = now.plus(config.reminderHorizon());
        Uni<Integer> forEvents = events.withRemindersBetween(now, until.plus(MAX_LEAD)).chain(rows -> {
            List<java.util.UUID> series = rows.stream().filter(e -> e.rrule != null).map(e -> e.id).toList();
            return events.exceptionsOf(series).chain(exceptions -> {
                var occurrences = Recurrence.expand(rows, exceptions, now, until.plus(MAX_LEAD));
                return Multi.createFrom().iterable(occurrences)
                        .filter(o -> o.start().isAfter(now) && o.source().reminderMinutes != null)
                        .filter(o -> !o.start().minus(Duration.ofMinutes(o.source().reminderMinutes)).isAfter(until))
                        .onItem().transformToUniAndConcatenate(o -> reminders.plan(o.source().userId, "event",
                                o.source().id, o.start(), o.start().minus(Duration.ofMinutes(
                                        o.source().reminderMinutes))))
                        .filter(Boolean::booleanValue).collect().asList().map(List::size);
            });
        });
        return forEvents.chain(n -> tasks.openDueBetween(now, until).chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(t -> reminders.plan(t.userId, "task", t.id, t.dueAt, t.dueAt))
                .filter(Boolean::booleanValue).collect().asList().map(l -> n + l.size())));
    }

    /** Claims and sends due reminders (one batch); returns how many were sent. */
    @WithTransaction
    public Uni<Integer> fire() {
        Instant now = Instant.now();
        return reminders.claimDue(now, BATCH).chain(claimed -> Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndConcatenate(r -> fireOne(r, now))
                .filter(Boolean::booleanValue).collect().asList().map(List::size));
    }

    private Uni<Boolean> fireOne(Reminder r, Instant now) {
        Uni<Boolean> sent = "task".equals(r.kind) ? fireTask(r, now) : fireEvent(r, now);
        return sent.invoke(ok -> {
            r.firedAt = now;
            r.outcome = ok ? "sent" : "stale";
        });
    }

    private Uni<Boolean> fireEvent(Reminder r, Instant now) {
        return events.findById(r.itemId).chain(e -> {
            if (e == null || e.cancelled() || !r.occurrenceStart.isAfter(now)) {
                return Uni.createFrom().item(false);
            }
            return stillOccurs(e, r.occurrenceStart).chain(occurs -> {
                if (!occurs) {
                    return Uni.createFrom().item(false);
                }
                String id = e.rrule != null ? Occurrence.instanceId(e.id, r.occurrenceStart)
                        : e.seriesId != null ? Occurrence.instanceId(e.seriesId, e.originalStart) : e.id.toString();
                String when = TIME.format(r.occurrenceStart.atZone(ZoneId.of(e.zone)));
                return send(r, new ReminderDue(r.id.toString(), "event", id, e.title, r.occurrenceStart, e.location),
                        new NotifyUser("reminder.due", e.title, "Starts " + when
                                + (e.location == null ? "" : " at " + e.location), Map.of("eventId", id)));
            });
        });
    }

    /** Whether the occurrence planned for {@code start} is still there (not moved or cancelled since). */
    private Uni<Boolean> stillOccurs(CalendarEvent e, Instant start) {
        if (e.rrule == null) {
            return Uni.createFrom().item(e.startAt.equals(start));
        }
        return events.exceptionsOf(List.of(e.id)).map(exceptions -> Recurrence.expand(List.of(e), exceptions,
                start, start.plusSeconds(1)).stream().anyMatch(o -> o.start().equals(start) && o.source() == e));
    }

    private Uni<Boolean> fireTask(Reminder r, Instant now) {
        return tasks.findById(r.itemId).chain(t -> {
            if (t == null || t.done() || t.dueAt == null || !t.dueAt.equals(r.occurrenceStart)
                    || now.isAfter(t.dueAt.plus(config.taskReminderGrace()))) {
                return Uni.createFrom().item(false);
            }
            return send(r, new ReminderDue(r.id.toString(), "task", t.id.toString(), t.title, t.dueAt, null),
                    new NotifyUser("reminder.due", t.title, "This task is due now.",
                            Map.of("taskId", t.id.toString())));
        });
    }

    private Uni<Boolean> send(Reminder r, ReminderDue due, NotifyUser notice) {
        Log.debugf("sending reminder %s", r.id);
        return outbox.add(Topics.REMINDER_DUE, r.userId, due).chain(() -> outbox.add(Topics.NOTIFY_USER, r.userId,
                notice)).replaceWith(true);
    }
}

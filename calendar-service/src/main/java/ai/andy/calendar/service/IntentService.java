package ai.andy.calendar.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.calendar.repository.CalendarRepository;
import ai.andy.events.intent.IntentDecoder;
import ai.andy.events.intent.InvalidIntentException;
import ai.andy.events.intent.PersonRef;
import ai.andy.events.intent.calendar.CalendarCancel;
import ai.andy.events.intent.calendar.CalendarCreate;
import ai.andy.events.intent.calendar.CalendarEvents;
import ai.andy.events.intent.calendar.CalendarFindSlot;
import ai.andy.events.intent.calendar.CalendarList;
import ai.andy.events.intent.calendar.CalendarUpdate;
import ai.andy.events.intent.calendar.EventChanges;
import ai.andy.events.intent.calendar.FreeSlots;
import ai.andy.events.intent.calendar.TaskComplete;
import ai.andy.events.intent.calendar.TaskCreate;
import ai.andy.events.intent.calendar.TaskItem;
import ai.andy.events.intent.calendar.TaskItems;
import ai.andy.events.intent.calendar.TaskStatus;
import ai.andy.events.payload.ChatIntent;
import ai.andy.events.payload.IntentResult;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Carries out chat's {@code calendar.*} and {@code task.*} intents with the typed contract of andy-events. An event or
 * task named by a reference that fits more than one is never acted on: the answer is a question listing them.
 * Side-effecting intents reach this service only after the person confirmed them; the request id is the
 * Idempotency-Key of what they create.
 */
@ApplicationScoped
public class IntentService {
    private static final int LIST_LIMIT = 50;
    private static final int SHOWN_CANDIDATES = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final EventService events;
    private final TaskService tasks;
    private final SchedulingService scheduling;
    private final CalendarRepository calendars;
    private final IntentViews views;

    IntentService(EventService events, TaskService tasks, SchedulingService scheduling, CalendarRepository calendars,
            IntentViews views) {
        this.events = events;
        this.tasks = tasks;
        this.scheduling = scheduling;
        this.calendars = calendars;
        this.views = views;
    }

    /** The answer to one intent; whatever goes wrong becomes a {@code rejected} or {@code failed} answer. */
    public Uni<IntentResult> answer(String userId, ChatIntent intent) {
        Uni<Object> result;
        try {
            result = switch (intent.intent()) {
                case "calendar.list" -> list(userId, IntentDecoder.params(intent, CalendarList.class));
                case "calendar.create" -> create(userId, IntentDecoder.params(intent, CalendarCreate.class),
                        intent.requestId());
                case "calendar.update" -> update(userId, IntentDecoder.params(intent, CalendarUpdate.class));
                case "calendar.cancel" -> cancel(userId, IntentDecoder.params(intent, CalendarCancel.class));
                case "calendar.findSlot" -> findSlot(userId, IntentDecoder.params(intent, CalendarFindSlot.class));
                case "task.create" -> taskCreate(userId, IntentDecoder.params(intent, TaskCreate.class),
                        intent.requestId());
                case "task.list" -> taskList(userId, IntentDecoder.params(intent,
                        ai.andy.events.intent.calendar.TaskList.class));
                case "task.complete" -> taskComplete(userId, IntentDecoder.params(intent, TaskComplete.class));
                default -> throw new InvalidIntentException(null, "Andy's calendar does not know '" + intent.intent()
                        + "'. It can list, create, change and cancel events, find a free time, and add, list and "
                        + "complete tasks.");
            };
        } catch (InvalidIntentException e) {
            return Uni.createFrom().item(IntentResult.rejected(intent, e.getMessage()));
        }
        return result.map(r -> IntentResult.ok(intent, IntentDecoder.toMap(r)))
                .onFailure().recoverWithItem(e -> {
                    if (e instanceof ProblemException || e instanceof InvalidIntentException
                            || e instanceof IllegalArgumentException) {
                        return IntentResult.rejected(intent, e.getMessage());
                    }
                    Log.errorf(e, "intent %s (%s) failed", intent.requestId(), intent.intent());
                    return IntentResult.failed(intent, "Andy's calendar failed to do this; nothing was changed.");
                });
    }

    private Uni<Object> list(String userId, CalendarList p) {
        Instant from = p.from().toInstant();
        Instant to = p.to() != null ? p.to().toInstant() : from.plus(Duration.ofDays(1));
        return zone(userId).chain(zone -> events.list(userId, from, to, null, null, LIST_LIMIT)
                .map(page -> new CalendarEvents(page.events().stream().map(v -> views.event(v, zone)).toList(),
                        page.events().size(), page.nextCursor() != null)));
    }

    private Uni<Object> create(String userId, CalendarCreate p, String requestId) {
        EventRequest request = new EventRequest(null, p.title(), p.start(), p.end(), p.end() == null
                ? (p.durationMinutes() == null ? 60 : p.durationMinutes()) : null, null, null, null, null,
                p.location(), null, attendees(p.attendees()), null, null);
        return zone(userId).chain(zone -> events.create(userId, request, "intent:" + requestId)
                .map(v -> new ai.andy.events.intent.calendar.CalendarEvent(views.event(v, zone))));
    }

    private Uni<Object> update(String userId, CalendarUpdate p) {
        EventChanges c = p.changes();
        EventRequest changes = new EventRequest(null, c.title(), c.start(), c.end(), c.durationMinutes(), null, null,
                null, null, c.location(), null, c.attendees() == null ? null : attendees(c.attendees()), null, null);
        return resolveEvent(userId, p.eventId(), p.reference(), p.from(), p.to())
                .chain(id -> events.update(userId, id, changes))
                .chain(v -> zone(userId).map(zone -> new ai.andy.events.intent.calendar.CalendarEvent(
                        views.event(v, zone))));
    }

    private Uni<Object> cancel(String userId, CalendarCancel p) {
        return resolveEvent(userId, p.eventId(), p.reference(), p.from(), p.to())
                .chain(id -> events.cancel(userId, id))
                .chain(v -> zone(userId).map(zone -> new ai.andy.events.intent.calendar.CalendarEvent(
                        views.event(v, zone))));
    }

    private Uni<Object> findSlot(String userId, CalendarFindSlot p) {
        Instant from = p.from() != null ? p.from().toInstant() : Instant.now();
        Instant to = p.to() != null ? p.to().toInstant() : from.plus(Duration.ofDays(7));
        return scheduling.findSlots(userId, Duration.ofMinutes(p.durationMinutes()), from, to, 5,
                !p.attendees().isEmpty()).map(found -> {
                    ZoneId zone = ZoneId.of(found.zone());
                    List<FreeSlots.Slot> slots = found.slots().stream().map(s -> new FreeSlots.Slot(
                            s.start().atZone(zone).toOffsetDateTime(), s.end().atZone(zone).toOffsetDateTime()))
                            .toList();
                    return new FreeSlots(slots, p.durationMinutes(), found.note());
                });
    }

    private Uni<Object> taskCreate(String userId, TaskCreate p, String requestId) {
        TaskRequest request = new TaskRequest(p.title(), null, p.due(), null, null,
                p.priority() == null ? null : p.priority().name().toLowerCase(Locale.ROOT));
        return zone(userId).chain(zone -> tasks.create(userId, request, "intent:" + requestId)
                .map(t -> new TaskItem(views.task(t, zone))));
    }

    private Uni<Object> taskList(String userId, ai.andy.events.intent.calendar.TaskList p) {
        String status = p.status() == null || p.status() == TaskStatus.OPEN ? "open"
                : p.status() == TaskStatus.COMPLETED ? "done" : "all";
        Instant dueBefore = p.dueBefore() == null ? null : p.dueBefore().toInstant();
        return zone(userId).chain(zone -> tasks.list(userId, status, dueBefore).map(all -> {
            var shown = all.stream().limit(LIST_LIMIT).map(t -> views.task(t, zone)).toList();
            return new TaskItems(shown, shown.size(), all.size() > LIST_LIMIT);
        }));
    }

    private Uni<Object> taskComplete(String userId, TaskComplete p) {
        Uni<UUID> id;
        if (p.taskId() != null) {
            try {
                id = Uni.createFrom().item(UUID.fromString(p.taskId()));
            } catch (IllegalArgumentException e) {
                throw new InvalidIntentException("taskId", "is not an id from task_list.");
            }
        } else {
            List<String> words = References.words(p.reference());
            id = tasks.list(userId, "open", null).map(open -> {
                var matches = open.stream().filter(t -> References.matches(words, t.title())).toList();
                if (matches.isEmpty()) {
                    throw new IllegalArgumentException("No open task matches '" + p.reference() + "'.");
                }
                if (matches.size() > 1) {
                    throw new IllegalArgumentException("Which task do you mean? " + matches.stream()
                            .limit(SHOWN_CANDIDATES).map(t -> "\"" + t.title() + "\" (id " + t.id() + ")")
                            .collect(Collectors.joining("; ")) + ".");
                }
                return matches.get(0).id();
            });
        }
        return id.chain(taskId -> tasks.complete(userId, taskId))
                .chain(t -> zone(userId).map(zone -> new TaskItem(views.task(t, zone))));
    }

    /**
     * An event's id from an id, or from a reference within a window: a moment ({@code from} = {@code to}, "my 3pm")
     * means the events starting then; a window its events; none the coming month.
     */
    private Uni<String> resolveEvent(String userId, String eventId, String reference, OffsetDateTime from,
            OffsetDateTime to) {
        if (eventId != null) {
            return Uni.createFrom().item(eventId);
        }
        Instant moment = from != null && to != null && from.toInstant().equals(to.toInstant()) ? from.toInstant()
                : null;
        Instant start = moment != null ? moment.minus(Duration.ofDays(1)) : from != null ? from.toInstant()
                : Instant.now();
        Instant end = moment != null ? moment.plus(Duration.ofDays(1)) : to != null ? to.toInstant()
                : from != null ? start.plus(Duration.ofDays(1)) : start.plus(Duration.ofDays(31));
        List<String> words = References.words(reference);
        return zone(userId).chain(zone -> events.list(userId, start, end, null, null, null).map(page -> {
            var matches = page.events().stream()
                    .filter(e -> moment == null || e.start().toInstant().equals(moment)
                            || (!e.start().toInstant().isAfter(moment) && e.end().toInstant().isAfter(moment)))
                    .filter(e -> References.matches(words, e.title() + " " + (e.location() == null ? ""
                            : e.location()) + " " + e.attendees().stream().map(a -> a.name() + " " + a.address())
                                    .collect(Collectors.joining(" "))))
                    .toList();
            if (moment != null && matches.size() > 1) {
                var exact = matches.stream().filter(e -> e.start().toInstant().equals(moment)).toList();
                matches = exact.isEmpty() ? matches : exact;
            }
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("No event matches '" + reference + "' between "
                        + WHEN.format(start.atZone(zone)) + " and " + WHEN.format(end.atZone(zone)) + ".");
            }
            if (matches.size() > 1) {
                throw new IllegalArgumentException("Which event do you mean? " + matches.stream()
                        .limit(SHOWN_CANDIDATES).map(e -> "\"" + e.title() + "\" on " + WHEN.format(
                                e.start().atZoneSameInstant(zone)) + " (id " + e.id() + ")")
                        .collect(Collectors.joining("; ")) + (matches.size() > SHOWN_CANDIDATES ? "; and "
                                + (matches.size() - SHOWN_CANDIDATES) + " more" : "") + ".");
            }
            return matches.get(0).id();
        }));
    }

    private static List<Attendee> attendees(List<PersonRef> people) {
        return people == null ? List.of() : people.stream().map(p -> new Attendee(p.name(), p.address())).toList();
    }

    /** The person's zone, as their local calendar keeps it. */
    @WithSession
    Uni<ZoneId> zone(String userId) {
        return calendars.local(userId).map(c -> c == null ? ZoneId.of("UTC") : ZoneId.of(c.zone));
    }
}

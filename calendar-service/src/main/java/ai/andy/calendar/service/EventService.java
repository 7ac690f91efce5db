package ai.andy.calendar.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.calendar.CalendarEvent;
import ai.andy.calendar.config.CalendarConfig;
import ai.andy.calendar.repository.CalendarRepository;
import ai.andy.calendar.repository.EventRepository;
import ai.andy.calendar.repository.IdempotencyRepository;
import ai.andy.calendar.repository.ReminderRepository;
import ai.andy.events.Topics;
import ai.andy.events.payload.CalendarChanged;
import ai.andy.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A person's events: listing a window (series expanded), reading, creating, changing and cancelling, always scoped
 * to the person. Every change is announced on {@code calendar.changed} through the outbox, in its transaction.
 */
@ApplicationScoped
public class EventService {
    private final EventRepository events;
    private final CalendarRepository calendars;
    private final IdempotencyRepository idempotency;
    private final ReminderRepository reminders;
    private final EventMapper mapper;
    private final Outbox outbox;
    private final CalendarConfig config;

    EventService(EventRepository events, CalendarRepository calendars, IdempotencyRepository idempotency,
            ReminderRepository reminders, EventMapper mapper, Outbox outbox, CalendarConfig config) {
        this.events = events;
        this.calendars = calendars;
        this.idempotency = idempotency;
        this.reminders = reminders;
        this.mapper = mapper;
        this.outbox = outbox;
        this.config = config;
    }

    /** The occurrences overlapping [from, to) across the person's calendars (or one), sorted by start. */
    @WithSession
    public Uni<List<Occurrence>> occurrences(String userId, Instant from, Instant to, UUID calendarId) {
        checkWindow(from, to);
        return events.candidates(userId, from, to, calendarId).chain(stored -> {
            List<UUID> series = stored.stream().filter(e -> e.rrule != null).map(e -> e.id).toList();
            return events.exceptionsOf(series).map(exceptions -> Recurrence.expand(stored, exceptions, from, to));
        });
    }

    @WithSession
    public Uni<EventPage> list(String userId, Instant from, Instant to, UUID calendarId, String cursor, Integer limit) {
        int size = limit == null ? config.maxPageSize() : Math.max(1, Math.min(limit, config.maxPageSize()));
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        return calendarCheck(userId, calendarId).chain(() -> occurrences(userId, from, to, calendarId))
                .chain(all -> masters(all).map(masters -> {
                    List<EventView> page = new ArrayList<>();
                    String next = null;
                    for (Occurrence o : all) {
                        if (after != null && !after.before(o)) {
                            continue;
                        }
                        if (page.size() == size) {
                            next = Cursor.of(page.get(page.size() - 1));
                            break;
                        }
                        page.add(mapper.view(o, masters.get(o), false));
                    }
                    return new EventPage(page, next);
                }));
    }

    /** One event or series instance with its description; another person's id is as unknown as a made-up one. */
    @WithSession
    public Uni<EventView> get(String userId, String id) {
        return find(userId, id).chain(o -> masterOf(o).map(m -> mapper.view(o, m, true)));
    }

    @WithTransaction
    public Uni<EventView> create(String userId, EventRequest request, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        Uni<Boolean> first = idempotencyKey == null ? Uni.createFrom().item(true)
                : idempotency.claim(userId, idempotencyKey, "event.create", id);
        return first.chain(isFirst -> {
            if (!isFirst) {
                return idempotency.earlier(userId, idempotencyKey).chain(prev -> get(userId, prev.resultId.toString()));
            }
            Uni<ai.andy.calendar.Calendar> calendar = request.calendarId() == null ? calendars.local(userId)
                    : calendars.forUser(userId, request.calendarId());
            return calendar.chain(cal -> {
                if (cal == null) {
                    throw request.calendarId() == null ? Problems.noCalendar("(local)")
                            : Problems.noCalendar(request.calendarId());
                }
                CalendarEvent e = new CalendarEvent();
                e.id = id;
                e.userId = userId;
                e.createdAt = Instant.now();
                mapper.create(e, cal, request);
                return events.persist(e).chain(() -> announce(e, "created")).chain(() -> get(userId, id.toString()));
            });
        });
    }

    /** Changes an event, a whole series (its id), or one instance of a series (its instance id). */
    @WithTransaction
    public Uni<EventView> update(String userId, String id, EventRequest changes) {
        return editable(userId, id).chain(e -> {
            if (changes.calendarId() != null && !changes.calendarId().equals(e.calendarId)) {
                throw Problems.invalid("calendarId", "Moving an event to another calendar is not supported yet.");
            }
            mapper.apply(e, changes, false);
            return events.persist(e).chain(() -> reminders.unplan("event", e.id))
                    .chain(() -> announce(e, "updated")).chain(() -> get(userId, publicId(e)));
        });
    }

    /** Cancels an event, a whole series, or one instance of a series. */
    @WithTransaction
    public Uni<EventView> cancel(String userId, String id) {
        return editable(userId, id).chain(e -> {
            e.status = "cancelled";
            e.updatedAt = Instant.now();
            return events.persist(e).chain(() -> reminders.unplan("event", e.id))
                    .chain(() -> announce(e, "cancelled")).map(ignored -> {
                        Occurrence o = new Occurrence(publicId(e), e, e.startAt, e.endAt, e.startDate, e.endDate,
                                e.seriesId, e.originalStart);
                        return mapper.view(o, null, false);
                    });
        });
    }

    /** The stored row an edit applies to: the event or series itself, or the instance's exception (made if new). */
    private Uni<CalendarEvent> editable(String userId, String id) {
        Occurrence.InstanceRef ref = Occurrence.parse(id);
        if (ref == null) {
            return Uni.createFrom().failure(Problems.noEvent(id));
        }
        return events.forUser(userId, ref.eventId()).chain(row -> {
            if (row == null || row.cancelled() || (ref.originalStart() != null && row.rrule == null)) {
                throw Problems.noEvent(id);
            }
            if (ref.originalStart() == null) {
                return Uni.createFrom().item(row);
            }
            return events.exception(row.id, ref.originalStart()).map(x -> {
                if (x != null) {
                    if (x.cancelled()) {
                        throw Problems.noEvent(id);
                    }
                    return x;
                }
                if (!Recurrence.isInstance(row, ref.originalStart())) {
                    throw Problems.noEvent(id);
                }
                return exceptionOf(row, ref.originalStart());
            });
        });
    }

    private static CalendarEvent exceptionOf(CalendarEvent master, Instant originalStart) {
        CalendarEvent x = new CalendarEvent();
        x.id = UUID.randomUUID();
        x.userId = master.userId;
        x.calendarId = master.calendarId;
        x.title = master.title;
        x.location = master.location;
        x.zone = master.zone;
        x.allDay = master.allDay;
        x.startAt = originalStart;
        x.endAt = originalStart.plus(Duration.between(master.startAt, master.endAt));
        if (master.allDay) {
            var zone = java.time.ZoneId.of(master.zone);
            x.startDate = x.startAt.atZone(zone).toLocalDate();
            x.endDate = x.endAt.atZone(zone).toLocalDate();
        }
        x.seriesId = master.id;
        x.originalStart = originalStart;
        x.attendees = master.attendees;
        x.reminderMinutes = master.reminderMinutes;
        x.demo = master.demo;
        x.createdAt = Instant.now();
        x.updatedAt = x.createdAt;
        // The description stays with the series: it is sealed to the master's row.
        return x;
    }

    /** Finds one occurrence by its id: a single event, a series (its first instance) or a series instance. */
    private Uni<Occurrence> find(String userId, String id) {
        Occurrence.InstanceRef ref = Occurrence.parse(id);
        if (ref == null) {
            return Uni.createFrom().failure(Problems.noEvent(id));
        }
        return events.forUser(userId, ref.eventId()).chain(row -> {
            if (row == null || (ref.originalStart() != null && row.rrule == null)) {
                throw Problems.noEvent(id);
            }
            if (row.seriesId != null) {
                return find(userId, Occurrence.instanceId(row.seriesId, row.originalStart));
            }
            if (ref.originalStart() == null) {
                return Uni.createFrom().item(new Occurrence(id, row, row.startAt, row.endAt, row.startDate,
                        row.endDate, null, null));
            }
            return events.exception(row.id, ref.originalStart()).map(x -> {
                if (x != null) {
                    return new Occurrence(id, x, x.startAt, x.endAt, x.startDate, x.endDate, row.id, x.originalStart);
                }
                if (row.cancelled() || !Recurrence.isInstance(row, ref.originalStart())) {
                    throw Problems.noEvent(id);
                }
                Instant end = ref.originalStart().plus(Duration.between(row.startAt, row.endAt));
                var zone = java.time.ZoneId.of(row.zone);
                return new Occurrence(id, row, ref.originalStart(), end,
                        row.allDay ? ref.originalStart().atZone(zone).toLocalDate() : null,
                        row.allDay ? end.atZone(zone).toLocalDate() : null, row.id, ref.originalStart());
            });
        });
    }

    private Uni<CalendarEvent> masterOf(Occurrence o) {
        if (o.seriesId() == null) {
            return Uni.createFrom().item(o.source().rrule != null ? o.source() : null);
        }
        return o.source().rrule != null ? Uni.createFrom().item(o.source()) : events.findById(o.seriesId());
    }

    /** The series masters of the occurrences, looked up once each. */
    private Uni<java.util.Map<Occurrence, CalendarEvent>> masters(List<Occurrence> all) {
        java.util.Map<Occurrence, CalendarEvent> out = new java.util.IdentityHashMap<>();
        java.util.Map<UUID, CalendarEvent> known = new java.util.HashMap<>();
        for (Occurrence o : all) {
            if (o.source().rrule != null) {
                known.put(o.source().id, o.source());
            }
        }
        List<UUID> missing = all.stream().map(Occurrence::seriesId).filter(s -> s != null && !known.containsKey(s))
                .distinct().toList();
        Uni<List<CalendarEvent>> more = missing.isEmpty() ? Uni.createFrom().item(List.of())
                : events.list("id in ?1", missing);
        return more.map(found -> {
            found.forEach(m -> known.put(m.id, m));
            all.forEach(o -> {
                if (o.seriesId() != null) {
                    out.put(o, known.get(o.seriesId()));
                }
            });
            return out;
        });
    }

    private Uni<Void> announce(CalendarEvent e, String change) {
        return outbox.add(Topics.CALENDAR_CHANGED, e.userId, new CalendarChanged(e.calendarId.toString(),
                publicId(e), change, e.title, e.startAt, e.endAt));
    }

    private static String publicId(CalendarEvent e) {
        return e.seriesId == null ? e.id.toString() : Occurrence.instanceId(e.seriesId, e.originalStart);
    }

    private Uni<Void> calendarCheck(String userId, UUID calendarId) {
        if (calendarId == null) {
            return Uni.createFrom().voidItem();
        }
        return calendars.forUser(userId, calendarId).invoke(c -> {
            if (c == null) {
                throw Problems.noCalendar(calendarId);
            }
        }).replaceWithVoid();
    }

    private void checkWindow(Instant from, Instant to) {
        if (from == null || to == null) {
            throw Problems.invalid(from == null ? "from" : "to", "Give the window as from and to, e.g. "
                    + "from=2026-12-07T00:00:00Z&to=2026-12-14T00:00:00Z.");
        }
        if (!to.isAfter(from)) {
            throw Problems.invalid("to", "The window's end (to) must be after its start (from).");
        }
        if (Duration.between(from, to).compareTo(config.maxWindow()) > 0) {
            throw Problems.invalid("to", "A window spans at most " + config.maxWindow().toDays() + " days.");
        }
    }

    /** Where a page ended: the last event's start and id, opaque to clients. */
    record Cursor(Instant start, String id) {
        static String of(EventView last) {
            String raw = last.start().toInstant().toEpochMilli() + "|" + last.id();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
            } catch (RuntimeException e) {
                throw Problems.invalid("cursor", "This cursor is not one Andy gave out; start again without it.");
            }
        }

        /** Whether this cursor sorts before the occurrence (so the occurrence belongs to a later page). */
        boolean before(Occurrence o) {
            long s = o.start().toEpochMilli();
            long c = start.toEpochMilli();
            return c < s || (c == s && id.compareTo(o.id()) < 0);
        }
    }
}

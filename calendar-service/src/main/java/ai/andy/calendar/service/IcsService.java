package ai.andy.calendar.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.calendar.Calendar;
import ai.andy.calendar.CalendarEvent;
import ai.andy.calendar.repository.CalendarRepository;
import ai.andy.calendar.repository.EventRepository;
import ai.andy.events.Topics;
import ai.andy.events.payload.CalendarChanged;
import ai.andy.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** ICS export of a calendar and ICS import into one. */
@ApplicationScoped
public class IcsService {
    /** How many events one import may bring; a larger file is refused rather than half imported. */
    static final int MAX_IMPORT = 5_000;

    public record ImportResult(int imported, int series, int movedInstances, int cancelledInstances) {
    }

    private final CalendarRepository calendars;
    private final EventRepository events;
    private final EventMapper mapper;
    private final Outbox outbox;

    IcsService(CalendarRepository calendars, EventRepository events, EventMapper mapper, Outbox outbox) {
        this.calendars = calendars;
        this.events = events;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    /** The calendar as an .ics file; the file is written on a worker thread (ical4j's zone loading is slow). */
    public Uni<String> export(String userId, UUID calendarId) {
        return contents(userId, calendarId).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(c -> IcsCodec.write(c.name(), c.events()));
    }

    record Contents(String name, List<IcsCodec.Outgoing> events) {
    }

    @WithSession
    Uni<Contents> contents(String userId, UUID calendarId) {
        return owned(userId, calendarId).chain(cal -> events.inCalendar(userId, calendarId).map(rows -> {
            Map<UUID, List<CalendarEvent>> exceptions = rows.stream().filter(e -> e.seriesId != null)
                    .collect(Collectors.groupingBy(e -> e.seriesId));
            List<IcsCodec.Outgoing> out = new ArrayList<>();
            for (CalendarEvent e : rows) {
                if (e.seriesId == null && !e.cancelled()) {
                    List<CalendarEvent> xs = exceptions.getOrDefault(e.id, List.of());
                    out.add(new IcsCodec.Outgoing(e, mapper.description(e), xs, List.of()));
                }
            }
            return new Contents(cal.name, out);
        }));
    }

    /** Reads a file on a worker thread (ical4j's zone loading is slow CPU work), then continues on the caller's. */
    public Uni<List<IcsCodec.Parsed>> parse(String text) {
        io.vertx.core.Context caller = io.vertx.core.Vertx.currentContext();
        Uni<List<IcsCodec.Parsed>> parsed = Uni.createFrom().item(() -> {
            try {
                return IcsCodec.read(text == null ? "" : text);
            } catch (IllegalArgumentException e) {
                throw Problems.invalid("file", e.getMessage());
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return caller == null ? parsed : parsed.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }

    @WithTransaction
    public Uni<ImportResult> importInto(String userId, UUID calendarId, List<IcsCodec.Parsed> parsed) {
        return owned(userId, calendarId).chain(cal -> {
            if (parsed.size() > MAX_IMPORT) {
                throw Problems.invalid("file", "One import takes at most " + MAX_IMPORT + " events; split the file.");
            }
            List<CalendarEvent> rows = new ArrayList<>();
            int series = 0;
            int moved = 0;
            int cancelled = 0;
            for (IcsCodec.Parsed p : parsed) {
                CalendarEvent master = row(userId, cal, p);
                rows.add(master);
                if (master.rrule != null) {
                    series++;
                    for (IcsCodec.Parsed m : p.moved()) {
                        rows.add(exception(master, row(userId, cal, m), m.originalStart(), "confirmed"));
                        moved++;
                    }
                    for (Instant c : p.cancelled()) {
                        rows.add(exception(master, row(userId, cal, p), c, "cancelled"));
                        cancelled++;
                    }
                }
            }
            int imported = (int) rows.stream().filter(r -> r.seriesId == null).count();
            ImportResult result = new ImportResult(imported, series, moved, cancelled);
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (CalendarEvent r : rows) {
                chain = chain.chain(() -> events.persist(r)).replaceWithVoid();
            }
            for (CalendarEvent r : rows) {
                if (r.seriesId == null) {
                    chain = chain.chain(() -> outbox.add(Topics.CALENDAR_CHANGED, userId, new CalendarChanged(
                            cal.id.toString(), r.id.toString(), "created", r.title, r.startAt, r.endAt)));
                }
            }
            return chain.replaceWith(result);
        });
    }

    private CalendarEvent row(String userId, Calendar cal, IcsCodec.Parsed p) {
        CalendarEvent e = new CalendarEvent();
        e.id = UUID.randomUUID();
        e.userId = userId;
        e.calendarId = cal.id;
        e.title = p.title().length() > 500 ? p.title().substring(0, 500) : p.title();
        e.location = p.location() == null ? null : p.location().length() > 500 ? p.location().substring(0, 500)
                : p.location();
        e.zone = p.zone() != null ? p.zone() : cal.zone;
        e.allDay = p.start() instanceof LocalDate;
        ZoneId zone = ZoneId.of(e.zone);
        if (e.allDay) {
            e.startDate = (LocalDate) p.start();
            e.endDate = p.end() instanceof LocalDate d && d.isAfter(e.startDate) ? d : e.startDate.plusDays(1);
            e.startAt = e.startDate.atStartOfDay(zone).toInstant();
            e.endAt = e.endDate.atStartOfDay(zone).toInstant();
        } else {
            e.startAt = IcsCodec.instant(p.start());
            Instant end = IcsCodec.instant((Temporal) p.end());
            e.endAt = end.isAfter(e.startAt) ? end : e.startAt.plusSeconds(3600);
        }
        if (p.rrule() != null) {
            e.rrule = p.rrule();
            try {
                e.seriesUntil = Recurrence.seriesUntil(e);
            } catch (IllegalArgumentException ex) {
                throw Problems.invalid("file", "The event '" + e.title + "' repeats in a way Andy cannot keep: "
                        + ex.getMessage());
            }
        }
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        mapper.seal(e, p.description());
        return e;
    }

    private static CalendarEvent exception(CalendarEvent master, CalendarEvent x, Instant original, String status) {
        x.seriesId = master.id;
        x.originalStart = original;
        x.rrule = null;
        x.seriesUntil = null;
        x.status = status;
        if ("cancelled".equals(status)) {
            x.startAt = original;
            x.endAt = original.plus(java.time.Duration.between(master.startAt, master.endAt));
        }
        return x;
    }

    private Uni<Calendar> owned(String userId, UUID calendarId) {
        return calendars.forUser(userId, calendarId).invoke(c -> {
            if (c == null) {
                throw Problems.noCalendar(calendarId);
            }
        });
    }
}

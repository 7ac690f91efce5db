package ai.andy.calendar.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.andy.calendar.Calendar;
import ai.andy.calendar.CalendarEvent;
import ai.andy.calendar.Task;
import ai.andy.calendar.TaskList;
import ai.andy.calendar.provider.local.DemoCalendar;
import ai.andy.calendar.repository.CalendarRepository;
import ai.andy.calendar.repository.EventRepository;
import ai.andy.calendar.repository.IdempotencyRepository;
import ai.andy.calendar.repository.ReminderRepository;
import ai.andy.calendar.repository.TaskListRepository;
import ai.andy.calendar.repository.TaskRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** A person's calendars and task lists: opened with demo content when they sign up, purged when they leave. */
@ApplicationScoped
public class CalendarService {
    private final CalendarRepository calendars;
    private final TaskListRepository lists;
    private final EventRepository events;
    private final TaskRepository tasks;
    private final ReminderRepository reminders;
    private final IdempotencyRepository idempotency;
    private final EventMapper eventMapper;
    private final TaskService taskService;
    private final ObjectMapper json;

    CalendarService(CalendarRepository calendars, TaskListRepository lists, EventRepository events,
            TaskRepository tasks, ReminderRepository reminders, IdempotencyRepository idempotency,
            EventMapper eventMapper, TaskService taskService, ObjectMapper json) {
        this.calendars = calendars;
        this.lists = lists;
        this.events = events;
        this.tasks = tasks;
        this.reminders = reminders;
        this.idempotency = idempotency;
        this.eventMapper = eventMapper;
        this.taskService = taskService;
        this.json = json;
    }

    @WithSession
    public Uni<List<CalendarView>> calendars(String userId) {
        return calendars.forUser(userId).chain(cals -> lists.forUser(userId).map(tls -> {
            List<CalendarView> out = new ArrayList<>();
            cals.forEach(c -> out.add(new CalendarView(c.id, "events", c.provider, c.name, c.zone, c.demo)));
            tls.forEach(t -> out.add(new CalendarView(t.id, "tasks", t.provider, t.name, null, t.demo)));
            return out;
        }));
    }

    /**
     * Inside the caller's transaction: the person's local calendar and task list with the demo content, unless they
     * have them already. {@code zone} is the person's time zone (UTC when unknown or not a zone).
     */
    public Uni<Boolean> openLocal(String userId, String zone) {
        ZoneId zoneId;
        try {
            zoneId = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (RuntimeException e) {
            zoneId = ZoneId.of("UTC");
        }
        ZoneId z = zoneId;
        return calendars.local(userId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            Calendar calendar = Calendar.local(userId, "Andy calendar", z.getId());
            TaskList list = TaskList.local(userId, "Andy tasks");
            LocalDate today = LocalDate.now(z);
            List<Object> rows = new ArrayList<>(List.of(calendar, list));
            for (DemoCalendar.Event d : DemoCalendar.events(z, today)) {
                rows.addAll(demoEvent(userId, calendar, d));
            }
            for (DemoCalendar.Task d : DemoCalendar.tasks(z, today)) {
                rows.add(taskService.demo(userId, list, d));
            }
            return Panache.getSession().chain(s -> s.persistAll(rows.toArray()).call(s::flush)).replaceWith(true);
        });
    }

    private List<CalendarEvent> demoEvent(String userId, Calendar calendar, DemoCalendar.Event d) {
        CalendarEvent e = new CalendarEvent();
        e.id = java.util.UUID.randomUUID();
        e.userId = userId;
        e.calendarId = calendar.id;
        e.title = d.title();
        e.location = d.location();
        e.zone = calendar.zone;
        e.allDay = d.allDay();
        e.startAt = d.start().toInstant();
        e.endAt = d.allDay() ? d.start().toLocalDate().plusDays(d.length().toDays()).atStartOfDay(d.start().getZone())
                .toInstant() : e.startAt.plus(d.length());
        if (d.allDay()) {
            e.startDate = d.start().toLocalDate();
            e.endDate = d.start().toLocalDate().plusDays(d.length().toDays());
        } else {
            e.reminderMinutes = 10;
        }
        e.rrule = d.rrule();
        e.attendees = attendees(d.attendees());
        e.demo = true;
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        eventMapper.seal(e, DemoCalendar.NOTE);
        List<CalendarEvent> out = new ArrayList<>(List.of(e));
        if (d.moveInstance() != null) {
            out.add(exception(e, d.moveInstance().toInstant(), d.movedTo().toInstant(), "confirmed"));
        }
        if (d.cancelInstance() != null) {
            out.add(exception(e, d.cancelInstance().toInstant(), d.cancelInstance().toInstant(), "cancelled"));
        }
        return out;
    }

    private static CalendarEvent exception(CalendarEvent master, Instant original, Instant start, String status) {
        CalendarEvent x = new CalendarEvent();
        x.id = java.util.UUID.randomUUID();
        x.userId = master.userId;
        x.calendarId = master.calendarId;
        x.title = master.title;
        x.location = master.location;
        x.zone = master.zone;
        x.startAt = start;
        x.endAt = start.plus(Duration.between(master.startAt, master.endAt));
        x.seriesId = master.id;
        x.originalStart = original;
        x.status = status;
        x.attendees = master.attendees;
        x.reminderMinutes = master.reminderMinutes;
        x.demo = true;
        x.createdAt = master.createdAt;
        x.updatedAt = master.createdAt;
        return x;
    }

    private String attendees(List<String[]> people) {
        try {
            return json.writeValueAsString(people.stream().map(p -> new Attendee(p[0], p[1])).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inside the caller's transaction: everything calendar-service keeps about the person. */
    public Uni<Void> forgetUser(String userId) {
        return reminders.deleteForUser(userId)
                .chain(() -> idempotency.deleteForUser(userId))
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "delete from calendar_event where user_id = ?1").setParameter(1, userId).executeUpdate()))
                .chain(() -> tasks.deleteForUser(userId))
                .chain(() -> calendars.deleteForUser(userId))
                .chain(() -> lists.deleteForUser(userId))
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "delete from outbox_event where user_id = ?1 and published_at is null")
                        .setParameter(1, userId).executeUpdate()))
                .replaceWithVoid();
    }
}

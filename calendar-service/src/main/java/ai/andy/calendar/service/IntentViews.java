package ai.andy.calendar.service;

import java.time.ZoneId;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.events.intent.calendar.TaskPriority;

/** The service's views as the intent contract's result records, with times in the person's zone. */
@ApplicationScoped
public class IntentViews {

    public ai.andy.events.intent.calendar.EventView event(EventView v, ZoneId zone) {
        return new ai.andy.events.intent.calendar.EventView(v.id(), v.calendarId().toString(), "local", v.title(),
                v.allDay() ? null : v.start().atZoneSameInstant(zone).toOffsetDateTime(),
                v.allDay() ? null : v.end().atZoneSameInstant(zone).toOffsetDateTime(), v.startDate(), v.endDate(),
                v.allDay(), v.zone(), v.location(), null, v.attendees().stream()
                        .map(a -> new ai.andy.events.intent.calendar.EventView.Attendee(a.name(), a.address(), null))
                        .toList(), v.status(), v.seriesId() != null || v.recurrence() != null, v.demo());
    }

    public ai.andy.events.intent.calendar.TaskView task(TaskView t, ZoneId zone) {
        return new ai.andy.events.intent.calendar.TaskView(t.id().toString(), t.listId().toString(), "local",
                t.title(), t.due() == null ? null : t.due().atZone(zone).toOffsetDateTime(),
                TaskPriority.valueOf(t.priority().toUpperCase(Locale.ROOT)), "done".equals(t.status()) ? "completed" : "open",
                t.completedAt() == null ? null : t.completedAt().atZone(zone).toOffsetDateTime(), t.demo());
    }
}

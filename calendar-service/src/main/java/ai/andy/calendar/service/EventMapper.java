package ai.andy.calendar.service;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.andy.calendar.Calendar;
import ai.andy.calendar.CalendarEvent;
import ai.andy.calendar.config.CalendarConfig;
import ai.andy.runtime.crypto.Vault;

/** Applies requests to stored events and turns occurrences into views; seals and opens descriptions. */
@ApplicationScoped
public class EventMapper {
    private static final TypeReference<List<Attendee>> ATTENDEES = new TypeReference<>() {
    };

    private final Vault vault;
    private final ObjectMapper json;
    private final CalendarConfig config;

    EventMapper(Vault vault, ObjectMapper json, CalendarConfig config) {
        this.vault = vault;
        this.json = json;
        this.config = config;
    }

    /** Fills a new event from a complete request. */
    public void create(CalendarEvent e, Calendar calendar, EventRequest r) {
        if (r.title() == null || r.title().isBlank()) {
            throw Problems.invalid("title", "Give the event a title.");
        }
        e.calendarId = calendar.id;
        e.zone = calendar.zone;
        e.allDay = Boolean.TRUE.equals(r.allDay());
        e.reminderMinutes = e.allDay ? null : Math.toIntExact(config.defaultReminderLead().toMinutes());
        if (!e.allDay && r.start() == null) {
            throw Problems.invalid("start", "Say when the event starts, e.g. 2026-12-07T10:00:00+01:00.");
        }
        if (e.allDay && r.startDate() == null) {
            throw Problems.invalid("startDate", "An all-day event needs its first day, e.g. 2026-12-07.");
        }
        apply(e, r, true);
    }

    /** Applies the fields a request names (all of them for a new event). */
    public void apply(CalendarEvent e, EventRequest r, boolean creating) {
        if (r.title() != null) {
            if (r.title().isBlank()) {
                throw Problems.invalid("title", "An event's title cannot be empty.");
            }
            e.title = r.title().strip();
        }
        if (r.location() != null) {
            e.location = r.location().isBlank() ? null : r.location().strip();
        }
        if (r.zone() != null) {
            e.zone = zone(r.zone()).getId();
        }
        if (r.allDay() != null && !creating) {
            e.allDay = r.allDay();
        }
        applyTimes(e, r);
        if (r.recurrence() != null) {
            if (e.seriesId != null) {
                throw Problems.invalid("recurrence", "One instance of a series cannot repeat on its own; change "
                        + "the series instead.");
            }
            e.rrule = r.recurrence().isBlank() ? null : r.recurrence().replaceFirst("^RRULE:", "");
        }
        if (e.rrule != null) {
            try {
                e.seriesUntil = Recurrence.seriesUntil(e);
            } catch (IllegalArgumentException ex) {
                throw Problems.invalid("recurrence", ex.getMessage());
            }
        } else {
            e.seriesUntil = null;
        }
        if (r.attendees() != null) {
            e.attendees = attendeesJson(r.attendees());
        }
        if (r.reminderMinutes() != null) {
            e.reminderMinutes = r.reminderMinutes();
        }
        if (r.description() != null) {
            seal(e, r.description());
        }
        e.updatedAt = Instant.now();
    }

    private void applyTimes(CalendarEvent e, EventRequest r) {
        ZoneId zone = zone(e.zone);
        if (e.allDay) {
            if (r.startDate() != null || r.endDate() != null || r.allDay() != null) {
                var startDate = r.startDate() != null ? r.startDate()
                        : e.startDate != null ? e.startDate : e.startAt.atZone(zone).toLocalDate();
                var endDate = r.endDate() != null ? r.endDate()
                        : r.startDate() != null || e.endDate == null ? startDate.plusDays(1) : e.endDate;
                if (!endDate.isAfter(startDate)) {
                    throw Problems.invalid("endDate", "An all-day event ends on a later day than it starts "
                            + "(the end date is exclusive).");
                }
                e.startDate = startDate;
                e.endDate = endDate;
            }
            e.startAt = e.startDate.atStartOfDay(zone).toInstant();
            e.endAt = e.endDate.atStartOfDay(zone).toInstant();
            return;
        }
        e.startDate = null;
        e.endDate = null;
        Duration length = e.startAt == null ? Duration.ofHours(1) : Duration.between(e.startAt, e.endAt);
        if (r.start() != null) {
            e.startAt = r.start().toInstant();
        }
        if (r.end() != null) {
            e.endAt = r.end().toInstant();
        } else if (r.durationMinutes() != null) {
            e.endAt = e.startAt.plus(Duration.ofMinutes(r.durationMinutes()));
        } else if (r.start() != null) {
            e.endAt = e.startAt.plus(length);
        }
        if (!e.endAt.isAfter(e.startAt)) {
            throw Problems.invalid("end", "An event ends after it starts.");
        }
    }

    public EventView view(Occurrence o, CalendarEvent master, boolean withDescription) {
        CalendarEvent row = o.source();
        ZoneId zone = ZoneId.of(row.zone);
        return new EventView(o.id(), row.calendarId, row.title, row.location,
                withDescription ? description(row) : null,
                o.start().atZone(zone).toOffsetDateTime(), o.end().atZone(zone).toOffsetDateTime(), row.zone,
                row.allDay, o.startDate(), o.endDate(), master == null ? null : master.rrule,
                o.seriesId() == null ? null : o.seriesId().toString(),
                o.originalStart() == null ? null : o.originalStart().atZone(zone).toOffsetDateTime(),
                row.status, attendees(row), row.reminderMinutes, row.demo);
    }

    public List<Attendee> attendees(CalendarEvent e) {
        try {
            return json.readValue(e.attendees, ATTENDEES);
        } catch (JsonProcessingException ex) {
            return List.of();
        }
    }

    public String description(CalendarEvent e) {
        return e.descriptionSealed == null ? null : vault.openString(e.descriptionSealed, e.descriptionContext());
    }

    public void seal(CalendarEvent e, String description) {
        if (description == null || description.isBlank()) {
            e.descriptionSealed = null;
            e.descriptionKeyId = null;
            return;
        }
        Vault.Sealed sealed = vault.seal(description, e.descriptionContext());
        e.descriptionSealed = sealed.ciphertext();
        e.descriptionKeyId = sealed.keyId();
    }

    private String attendeesJson(List<Attendee> attendees) {
        for (Attendee a : attendees) {
            if (a == null || (blank(a.name()) && blank(a.address()))) {
                throw Problems.invalid("attendees", "Each attendee needs a name or an email address.");
            }
        }
        try {
            return json.writeValueAsString(attendees);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw Problems.invalid("zone", "'" + id + "' is not an IANA time zone such as Europe/Paris.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

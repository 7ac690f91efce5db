package ai.andy.calendar.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A new event, or (every field optional) the changes to one. Timed: {@code start} with an offset, and {@code end} or
 * {@code durationMinutes} (an hour when neither); {@code zone} is the IANA zone it lives in (the calendar's when
 * absent). All-day: {@code allDay} with {@code startDate} and optionally {@code endDate} (exclusive).
 * {@code recurrence} is an iCalendar RRULE such as {@code FREQ=WEEKLY;BYDAY=MO}.
 */
public record EventRequest(UUID calendarId, @Size(max = 500) String title, OffsetDateTime start, OffsetDateTime end,
        @Min(1) @Max(60 * 24 * 14) Integer durationMinutes, String zone, Boolean allDay, LocalDate startDate,
        LocalDate endDate, @Size(max = 500) String location, @Size(max = 20_000) String description,
        @Size(max = 100) List<Attendee> attendees, @Size(max = 500) String recurrence,
        @Min(0) @Max(60 * 24 * 7) Integer reminderMinutes) {
}

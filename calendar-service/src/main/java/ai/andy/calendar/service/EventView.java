package ai.andy.calendar.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An event as a person sees it. Times carry the offset of the event's own zone at that instant; all-day events also
 * have their dates (end exclusive). {@code description} is only filled when one event is read.
 */
public record EventView(String id, UUID calendarId, String title, String location, String description,
        OffsetDateTime start, OffsetDateTime end, String zone, boolean allDay, LocalDate startDate, LocalDate endDate,
        String recurrence, String seriesId, OffsetDateTime originalStart, String status, List<Attendee> attendees,
        Integer reminderMinutes, boolean demo) {
}

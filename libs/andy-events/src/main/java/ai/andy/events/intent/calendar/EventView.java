package ai.andy.events.intent.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An event as an intent's result carries it. Times are given in the person's zone; {@code zone} is the event's own
 * IANA zone; all-day events carry dates instead of times.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(String id, String calendarId, String provider, String title, OffsetDateTime start,
        OffsetDateTime end, LocalDate startDate, LocalDate endDate, boolean allDay, String zone, String location,
        Attendee organizer, List<Attendee> attendees, String status, boolean recurring, boolean demo) {

    /** {@code response}: needsAction, accepted, tentative or declined. */
    public record Attendee(String name, String address, String response) {
    }
}

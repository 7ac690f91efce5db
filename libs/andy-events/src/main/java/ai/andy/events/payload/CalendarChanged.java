package ai.andy.events.payload;

import java.time.Instant;

/**
 * {@code calendar.changed}: an event in a person's calendar was created, updated or cancelled. Published by
 * calendar-service. {@code eventId} is the event's id as the API names it (a series instance has its own id);
 * {@code change} is {@code created}, {@code updated} or {@code cancelled}.
 */
public record CalendarChanged(String calendarId, String eventId, String change, String title, Instant start,
        Instant end) {
}

package ai.andy.events.intent.calendar;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Result of {@code calendar.findSlot}: free slots, earliest first, in the person's zone. {@code note} says what was not
 * taken into account (e.g. attendees' calendars Andy cannot see), when anything was not.
 */
public record FreeSlots(List<Slot> slots, int durationMinutes, String note) {

    public record Slot(OffsetDateTime start, OffsetDateTime end) {
    }
}

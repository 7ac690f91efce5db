package ai.andy.events.intent.calendar;

import java.time.OffsetDateTime;
import java.util.List;

/** Result of {@code calendar.findSlot}: free slots, earliest first, in the person's zone. */
public record FreeSlots(List<Slot> slots, int durationMinutes) {

    public record Slot(OffsetDateTime start, OffsetDateTime end) {
    }
}

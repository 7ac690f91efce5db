package ai.andy.events.intent.calendar;

import java.util.List;

/** Result of {@code calendar.list}. */
public record CalendarEvents(List<EventView> events, int count, Boolean more) {
}

package ai.andy.events.intent.calendar;

/** Result of {@code calendar.create}, {@code calendar.update} and {@code calendar.cancel}: the event as it now is. */
public record CalendarEvent(EventView event) {
}

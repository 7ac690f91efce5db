package ai.andy.calendar.service;

import java.util.List;

/** One page of a window's events, and the cursor of the next page (null on the last). */
public record EventPage(List<EventView> events, String nextCursor) {
}

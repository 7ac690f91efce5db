package ai.andy.calendar.service;

import java.util.UUID;

/** A calendar or task list as a person sees it: {@code kind} is {@code events} or {@code tasks}. */
public record CalendarView(UUID id, String kind, String provider, String name, String zone, boolean demo) {
}

package ai.andy.calendar.client;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/** When a person works, in their zone: the hours a slot may be found in. {@code known} false: defaults applied. */
public record WorkingHours(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days, boolean known) {
}

package ai.andy.calendar.service;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Free slots found for a duration: in the person's {@code zone}, within their working hours
 * ({@code workdayStart}-{@code workdayEnd}; {@code hoursKnown} false when auth-service could not say and the default
 * applied). {@code note} tells what was not taken into account.
 */
public record SlotSearch(List<Interval> slots, String zone, LocalTime workdayStart, LocalTime workdayEnd,
        boolean hoursKnown, String note) {

    static SlotSearch of(List<Interval> slots, ZoneId zone, LocalTime start, LocalTime end, boolean known,
            String note) {
        return new SlotSearch(slots, zone.getId(), start, end, known, note);
    }
}

package ai.andy.calendar.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.andy.calendar.CalendarEvent;
import net.fortuna.ical4j.model.Recur;

/**
 * Expands stored events into the occurrences of a window with ical4j's RRULE engine. A series repeats in its own
 * zone's local time (a weekly 10:00 stays 10:00 across a DST change); all-day series repeat by date. Exceptions
 * replace (moved) or remove (cancelled) the instance with the same original start.
 */
public final class Recurrence {
    /** Sub-daily rules would make one series millions of rows; a calendar has no use for them. */
    private static final Set<String> ALLOWED = Set.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY");
    private static final int MAX_PER_SERIES = 5_000;

    private Recurrence() {
    }

    /** Parses and checks an RRULE value (without the {@code RRULE:} prefix); throws with a readable reason. */
    public static Recur<ZonedDateTime> parse(String rrule) {
        String value = rrule.startsWith("RRULE:") ? rrule.substring(6) : rrule;
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + rrule + "' is not an iCalendar RRULE (e.g. FREQ=WEEKLY;BYDAY=MO).");
        }
        if (recur.getFrequency() == null || !ALLOWED.contains(recur.getFrequency().name())) {
            throw new IllegalArgumentException("A repeating event repeats daily, weekly, monthly or yearly.");
        }
        return recur;
    }

    /** The end of a series' last occurrence, or null when it repeats forever. */
    public static Instant seriesUntil(CalendarEvent master) {
        Recur<ZonedDateTime> recur = parse(master.rrule);
        if (recur.getUntil() == null && recur.getCount() < 1) {
            return null;
        }
        ZonedDateTime seed = master.startAt.atZone(ZoneId.of(master.zone));
        List<ZonedDateTime> all = recur.getDates(seed, seed, seed.plusYears(200), MAX_PER_SERIES);
        Instant last = all.isEmpty() ? master.startAt : all.get(all.size() - 1).toInstant();
        return last.plus(Duration.between(master.startAt, master.endAt));
    }

    /**
     * The occurrences of {@code stored} (singles, masters, exceptions, as the repository found them) overlapping
     * [from, to), cancelled ones left out, sorted by start.
     */
    public static List<Occurrence> expand(Collection<CalendarEvent> stored, Collection<CalendarEvent> exceptions,
            Instant from, Instant to) {
        Map<String, CalendarEvent> byInstance = new HashMap<>();
        for (CalendarEvent e : exceptions) {
            byInstance.put(Occurrence.instanceId(e.seriesId, e.originalStart), e);
        }
        List<Occurrence> out = new ArrayList<>();
        for (CalendarEvent e : stored) {
            if (e.seriesId != null || e.cancelled()) {
                continue; // exceptions come with their series; a cancelled series has no instances
            }
            if (e.rrule == null) {
                Occurrence single = new Occurrence(e.id.toString(), e, e.startAt, e.endAt, e.startDate, e.endDate,
                        null, null);
                if (single.overlaps(from, to)) {
                    out.add(single);
                }
                continue;
            }
            for (Instant original : instanceStarts(e, from, to)) {
                String id = Occurrence.instanceId(e.id, original);
                if (byInstance.containsKey(id)) {
                    continue;
                }
                out.add(instance(e, e, original, original, original.plus(Duration.between(e.startAt, e.endAt))));
            }
            for (CalendarEvent x : exceptions) {
                if (e.id.equals(x.seriesId) && !x.cancelled()) {
                    Occurrence moved = instance(e, x, x.originalStart, x.startAt, x.endAt);
                    if (moved.overlaps(from, to)) {
                        out.add(moved);
                    }
                }
            }
        }
        out.sort((a, b) -> a.start().equals(b.start()) ? a.id().compareTo(b.id()) : a.start().compareTo(b.start()));
        return out;
    }

    /** Whether {@code originalStart} is one of the series' instances (before exceptions). */
    public static boolean isInstance(CalendarEvent master, Instant originalStart) {
        return instanceStarts(master, originalStart, originalStart.plusSeconds(1)).contains(originalStart);
    }

    private static Occurrence instance(CalendarEvent master, CalendarEvent row, Instant original, Instant start,
            Instant end) {
        ZoneId zone = ZoneId.of(master.zone);
        LocalDate startDate = master.allDay ? start.atZone(zone).toLocalDate() : null;
        LocalDate endDate = master.allDay ? end.atZone(zone).toLocalDate() : null;
        return new Occurrence(Occurrence.instanceId(master.id, original), row, start, end, startDate, endDate,
                master.id, original);
    }

    /** Original starts of the series' instances whose time overlaps [from, to). */
    private static List<Instant> instanceStarts(CalendarEvent master, Instant from, Instant to) {
        ZoneId zone = ZoneId.of(master.zone);
        Duration length = Duration.between(master.startAt, master.endAt);
        ZonedDateTime seed = master.startAt.atZone(zone);
        // Look back by the event's length so an instance that began before the window but runs into it is found.
        ZonedDateTime periodStart = from.minus(length).atZone(zone).truncatedTo(ChronoUnit.SECONDS);
        if (periodStart.isBefore(seed)) {
            periodStart = seed;
        }
        ZonedDateTime periodEnd = to.atZone(zone);
        if (!periodStart.isBefore(periodEnd)) {
            return List.of();
        }
        List<Instant> starts = new ArrayList<>();
        for (ZonedDateTime d : parse(master.rrule).getDates(seed, periodStart, periodEnd, MAX_PER_SERIES)) {
            Instant s = d.toInstant();
            if (s.isBefore(to) && s.plus(length).isAfter(from)) {
                starts.add(s);
            }
        }
        if (!seed.toInstant().isBefore(from.minus(length)) && seed.toInstant().isBefore(to) && !starts.contains(
                seed.toInstant()) && seed.toInstant().plus(length).isAfter(from)) {
            // RFC 5545: DTSTART is always the first instance, whether or not the rule would produce it.
            starts.add(0, seed.toInstant());
        }
        return starts;
    }
}

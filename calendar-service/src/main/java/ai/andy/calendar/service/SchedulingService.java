package ai.andy.calendar.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.calendar.client.PersonProfiles;
import ai.andy.calendar.client.WorkingHours;
import ai.andy.calendar.config.CalendarConfig;
import ai.andy.calendar.repository.CalendarRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Free/busy across all of a person's calendars, and finding a free slot within their working hours. */
@ApplicationScoped
public class SchedulingService {
    private static final int MAX_SLOTS = 50;

    private final EventService events;
    private final CalendarRepository calendars;
    private final PersonProfiles profiles;
    private final CalendarConfig config;

    SchedulingService(EventService events, CalendarRepository calendars, PersonProfiles profiles,
            CalendarConfig config) {
        this.events = events;
        this.calendars = calendars;
        this.profiles = profiles;
        this.config = config;
    }

    /** Busy time in [from, to), overlapping events merged; only times, never what the events are. */
    @WithSession
    public Uni<List<Interval>> busy(String userId, Instant from, Instant to) {
        return events.occurrences(userId, from, to, null).map(all -> {
            List<Interval> merged = new ArrayList<>();
            for (Occurrence o : all) {
                if (o.source().allDay) {
                    continue; // a birthday or a holiday marks a day; it does not block the hours in it
                }
                Instant s = o.start().isBefore(from) ? from : o.start();
                Instant e = o.end().isAfter(to) ? to : o.end();
                if (!merged.isEmpty() && !s.isAfter(merged.get(merged.size() - 1).end())) {
                    Interval last = merged.remove(merged.size() - 1);
                    merged.add(new Interval(last.start(), e.isAfter(last.end()) ? e : last.end()));
                } else {
                    merged.add(new Interval(s, e));
                }
            }
            return merged;
        });
    }

    /** Up to {@code limit} free slots of {@code duration} in [from, to), inside working hours, earliest first. */
    @WithSession
    public Uni<SlotSearch> findSlots(String userId, Duration duration, Instant from, Instant to, int limit,
            boolean attendeesGiven) {
        if (duration.isZero() || duration.isNegative() || duration.compareTo(Duration.ofHours(24)) > 0) {
            throw Problems.invalid("durationMinutes", "A slot lasts between 1 minute and 24 hours.");
        }
        int wanted = Math.max(1, Math.min(limit, MAX_SLOTS));
        return calendars.local(userId).chain(cal -> {
            ZoneId fallback = cal == null ? ZoneId.of("UTC") : ZoneId.of(cal.zone);
            return profiles.workingHours(userId, fallback);
        }).chain(hours -> busy(userId, from, to).map(busy -> {
            List<Interval> slots = search(hours, busy, duration, from, to, wanted);
            String note = attendeesGiven ? "Only your own calendars were checked: other people's free time is not "
                    + "known to Andy yet." : null;
            return SlotSearch.of(slots, hours.zone(), hours.start(), hours.end(), hours.known(), note);
        }));
    }

    private List<Interval> search(WorkingHours hours, List<Interval> busy, Duration duration, Instant from,
            Instant to, int wanted) {
        List<Interval> slots = new ArrayList<>();
        long step = config.slotGranularity().toSeconds();
        LocalDate day = from.atZone(hours.zone()).toLocalDate();
        LocalDate last = to.atZone(hours.zone()).toLocalDate();
        int b = 0;
        for (; !day.isAfter(last) && slots.size() < wanted; day = day.plusDays(1)) {
            if (!hours.days().contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime open = day.atTime(hours.start()).atZone(hours.zone());
            Instant dayEnd = day.atTime(hours.end()).atZone(hours.zone()).toInstant();
            Instant t = open.toInstant();
            if (t.isBefore(from)) {
                // Round up to the next step after 'from', counted from the start of the working day.
                long late = Duration.between(t, from).toSeconds();
                t = t.plusSeconds((late + step - 1) / step * step);
            }
            while (slots.size() < wanted) {
                Instant end = t.plus(duration);
                if (end.isAfter(dayEnd) || end.isAfter(to)) {
                    break;
                }
                while (b < busy.size() && !busy.get(b).end().isAfter(t)) {
                    b++;
                }
                if (b < busy.size() && busy.get(b).start().isBefore(end)) {
                    // Busy: jump to the end of the busy time, on the step grid.
                    Instant free = busy.get(b).end();
                    long gap = Duration.between(open.toInstant(), free).toSeconds();
                    t = open.toInstant().plusSeconds((gap + step - 1) / step * step);
                    continue;
                }
                slots.add(new Interval(t, end));
                t = end;
            }
        }
        return slots;
    }
}

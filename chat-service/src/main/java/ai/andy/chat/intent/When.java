package ai.andy.chat.intent;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The dates, times, durations and ranges found in a phrase by {@link TimeGrammar}, and {@link #rest} - the phrase
 * with them cut out. Everything resolves in the zone of {@code now}, i.e. the person's zone, so "tomorrow at 2pm"
 * on the day clocks change gets that day's offset.
 */
final class When {

    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter SPOKEN_DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);

    final ZonedDateTime now;
    LocalDate date;
    /** A clock time, said ("2pm", "noon") or taken from a part of the day ("morning" = 09:00). */
    LocalTime time;
    /** The part of the day when the time came from one ("morning"), for listing ranges. */
    String partOfDay;
    /** "in 2 hours": a moment relative to now. */
    ZonedDateTime exact;
    /** End of a time range: "between 2 and 4pm", "from 2 to 3:30pm". */
    LocalTime endTime;
    Integer durationMinutes;
    /** A listing range: "this week", "since Monday" (to is null when open-ended). */
    ZonedDateTime rangeFrom;
    ZonedDateTime rangeTo;
    Phrase rest;
    /** A numeric date that is not one ("13/25"), left in {@link #rest}: asked about, never guessed. */
    String unreadDate;

    /** Asks about a date that could not be read, before anything is made from the rest. */
    void requireReadableDate() {
        if (unreadDate != null) {
            throw new Clarify("I couldn't read \"" + unreadDate + "\" as a date. Which day do you mean?");
        }
    }

    When(ZonedDateTime now, Phrase rest) {
        this.now = now;
        this.rest = rest;
    }

    boolean hasMoment() {
        return exact != null || time != null;
    }

    boolean hasAnything() {
        return date != null || time != null || exact != null || rangeFrom != null || rangeTo != null
                || durationMinutes != null || endTime != null;
    }

    /**
     * The moment meant for something to happen: "in 2 hours"; a date and time; a time alone is today, or tomorrow
     * once that time has passed today. Null when no clock time was said.
     */
    ZonedDateTime start() {
        if (exact != null) {
            return exact;
        }
        if (time == null) {
            return null;
        }
        if (date != null) {
            return ZonedDateTime.of(date, time, now.getZone());
        }
        ZonedDateTime today = ZonedDateTime.of(now.toLocalDate(), time, now.getZone());
        return today.isAfter(now) ? today : ZonedDateTime.of(now.toLocalDate().plusDays(1), time, now.getZone());
    }

    /** The end of "from 2 to 4pm" on the start's day, or null. */
    ZonedDateTime end(ZonedDateTime start) {
        if (endTime == null || start == null) {
            return null;
        }
        ZonedDateTime end = ZonedDateTime.of(start.toLocalDate(), endTime, now.getZone());
        return end.isAfter(start) ? end : end.plusDays(1);
    }

    /**
     * A window for listing things: an explicit range ("this week", "since Monday"), else the day said, narrowed to
     * a part of it ("tomorrow afternoon") or a time range ("today between 2 and 4pm"). Null when nothing was said.
     */
    ZonedDateTime[] window() {
        if (rangeFrom != null && rangeTo == null && date != null
                && date.isAfter(rangeFrom.toLocalDate())) {
            // "from Monday to Friday": the second day closes the range.
            return new ZonedDateTime[] {rangeFrom, date.plusDays(1).atStartOfDay(now.getZone())};
        }
        if (rangeFrom != null && rangeTo == null && date == null && time != null) {
            // "since yesterday evening": from that part of that day.
            LocalTime at = partOfDay != null ? TimeGrammar.partRange(partOfDay)[0] : time;
            return new ZonedDateTime[] {ZonedDateTime.of(rangeFrom.toLocalDate(), at, now.getZone()), null};
        }
        if (rangeFrom != null || rangeTo != null) {
            return new ZonedDateTime[] {rangeFrom, rangeTo};
        }
        LocalDate day = date;
        if (day == null && (partOfDay != null || endTime != null)) {
            day = now.toLocalDate();
        }
        if (day == null) {
            return null;
        }
        ZonedDateTime from = day.atStartOfDay(now.getZone());
        ZonedDateTime to = day.plusDays(1).atStartOfDay(now.getZone());
        if (endTime != null && time != null) {
            from = ZonedDateTime.of(day, time, now.getZone());
            to = ZonedDateTime.of(day, endTime, now.getZone());
        } else if (partOfDay != null) {
            LocalTime[] part = TimeGrammar.partRange(partOfDay);
            from = ZonedDateTime.of(day, part[0], now.getZone());
            to = part[1].equals(LocalTime.MIDNIGHT) ? to : ZonedDateTime.of(day, part[1], now.getZone());
        }
        return new ZonedDateTime[] {from, to};
    }

    static String iso(ZonedDateTime t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MINUTES).format(ISO);
    }

    /** "9:00 AM on Wednesday, November 25", for questions. */
    static String spokenTime(ZonedDateTime t) {
        return t.format(DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH)) + " on " + spoken(t.toLocalDate());
    }

    static String spoken(LocalDate day) {
        return day.format(SPOKEN_DAY);
    }
}

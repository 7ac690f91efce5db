package ai.andy.chat.intent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days in a phrase, for {@link TimeGrammar}: "tomorrow", "next Tuesday", "January 20", "the 12th of March",
 * "Dec 4", "2027-02-03", and numeric dates ("12/3") read month first or day first as the person's region writes them.
 * The conventions (which Tuesday, which year) are documented on {@link TimeGrammar}.
 */
final class Dates {

    private Dates() {
    }

    /** Regions that write a numeric date month first ("12/3" is December 3); everywhere else it is day first. */
    private static final java.util.Set<String> MONTH_FIRST = java.util.Set.of("US", "PH", "PR", "GU", "AS", "VI", "MP",
            "UM", "FM", "MH", "PW", "BZ");

    static boolean monthFirst(String region) {
        return region == null || MONTH_FIRST.contains(region.toUpperCase(java.util.Locale.ROOT));
    }

    record DateHit(LocalDate date, int start, int end) {
    }

    private static final Pattern REL_DAY = Pattern.compile(
            "\\b(?:on\\s+)?(the day after tomorrow|day after tomorrow|today|tomorrow|tmrw|tmr|tmw|tomorow|tommorow|tommorrow|"
                    + "2moro|2morrow|2day|tday|yesterday|yday|yesterdy)(?:'s)?\\b");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(?:(next|this|last|on|coming|this coming)\\s+)?(" + TimeGrammar.WEEKDAYS + ")(?:'s)?\\b");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(?:on\\s+)?(?:the\\s+)?(" + TimeGrammar.MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s*(\\d{4})\\b)?");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(?:on\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + TimeGrammar.MONTHS + ")\\b\\.?(?:,?\\s*(\\d{4})\\b)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(?:on\\s+)?(\\d{4})-(\\d{2})-(\\d{2})\\b");
    /** "12/3", "12/3/2026", "3-12": month or day first by region. */
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "\\b(?:on\\s+)?(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\d/])");
    /** A numeric date left over after parsing ("13/25"): not a day, and it must not end up in a title. */
    static final Pattern UNREAD_DATE = Pattern.compile("\\b\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{2,4})?\\b");
    private static final Pattern ORDINAL = Pattern.compile("\\b(?:on\\s+)?the\\s+(\\d{1,2})(st|nd|rd|th)\\b");

    private static final List<Pattern> DATE_PATTERNS = List.of(REL_DAY, ISO_DATE, NUMERIC_DATE, MONTH_DAY, DAY_MONTH, WEEKDAY,
            ORDINAL);

    /**
     * The first date in {@code lower} at or after {@code from}; with {@code anchored}, only one starting exactly
     * there ("since |Monday").
     */
    static DateHit findDate(String lower, int from, boolean anchored, LocalDate today, boolean past,
            boolean monthFirst) {
        DateHit best = null;
        for (Pattern p : DATE_PATTERNS) {
            Matcher m = p.matcher(lower);
            m.region(from, lower.length());
            boolean found = anchored ? m.lookingAt() : m.find();
            if (!found) {
                continue;
            }
            LocalDate date = resolve(p, m, today, past, monthFirst);
            if (date != null && (best == null || m.start() < best.start)) {
                best = new DateHit(date, m.start(), m.end());
            }
        }
        return best;
    }

    private static LocalDate resolve(Pattern p, Matcher m, LocalDate today, boolean past, boolean monthFirst) {
        try {
            if (p == REL_DAY) {
                return switch (m.group(1)) {
                    case "today", "2day", "tday" -> today;
                    case "yesterday", "yday", "yesterdy" -> today.minusDays(1);
                    case "day after tomorrow", "the day after tomorrow" -> today.plusDays(2);
                    default -> today.plusDays(1);
                };
            }
            if (p == ISO_DATE) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            if (p == MONTH_DAY || p == DAY_MONTH || p == NUMERIC_DATE) {
                int dayOfMonth;
                int monthNumber;
                if (p == NUMERIC_DATE) {
                    int first = Integer.parseInt(m.group(1));
                    int second = Integer.parseInt(m.group(2));
                    // The region's order, unless only the other one is a date ("12/25" written in London).
                    boolean mf = monthFirst ? first <= 12 || second > 12 : second > 12 && first <= 12;
                    monthNumber = mf ? first : second;
                    dayOfMonth = mf ? second : first;
                } else {
                    monthNumber = month(p == MONTH_DAY ? m.group(1) : m.group(2));
                    dayOfMonth = Integer.parseInt(p == MONTH_DAY ? m.group(2) : m.group(1));
                }
                if (m.group(3) != null) {
                    int year = Integer.parseInt(m.group(3));
                    return LocalDate.of(year < 100 ? 2000 + year : year, monthNumber, dayOfMonth);
                }
                LocalDate date = LocalDate.of(today.getYear(), monthNumber, dayOfMonth);
                if (!past && date.isBefore(today)) {
                    date = LocalDate.of(today.getYear() + 1, monthNumber, dayOfMonth);
                } else if (past && date.isAfter(today)) {
                    date = LocalDate.of(today.getYear() - 1, monthNumber, dayOfMonth);
                }
                return date;
            }
            if (p == WEEKDAY) {
                DayOfWeek dow = weekday(m.group(2));
                String which = m.group(1) == null ? "" : m.group(1);
                return switch (which) {
                    case "next" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1)
                            .with(TemporalAdjusters.nextOrSame(dow));
                    case "last" -> today.with(TemporalAdjusters.previous(dow));
                    case "coming", "this coming" -> today.with(TemporalAdjusters.next(dow));
                    default -> past ? today.with(TemporalAdjusters.previousOrSame(dow))
                            : today.with(TemporalAdjusters.nextOrSame(dow));
                };
            }
            if (p == ORDINAL) {
                int dayOfMonth = Integer.parseInt(m.group(1));
                LocalDate date = today.withDayOfMonth(Math.min(dayOfMonth, today.lengthOfMonth()));
                if (dayOfMonth > today.lengthOfMonth()) {
                    return null;
                }
                if (!past && date.isBefore(today)) {
                    LocalDate next = today.plusMonths(1);
                    return dayOfMonth > next.lengthOfMonth() ? null : next.withDayOfMonth(dayOfMonth);
                }
                return date;
            }
        } catch (java.time.DateTimeException e) {
            return null; // "February 30": not a date, so not read as one
        }
        return null;
    }

    private static int month(String name) {
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < months.length; i++) {
            if (name.startsWith(months[i])) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static DayOfWeek weekday(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase().startsWith(name.substring(0, 3))) {
                return d;
            }
        }
        throw new IllegalArgumentException(name);
    }
}

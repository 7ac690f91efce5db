package ai.andy.chat.intent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates of a command, as people say them: "today", "the day after tomorrow", "next Tuesday" (of next week),
 * "Tuesday" (the next one on or after today, or before it when the command looks back), "March 3rd", "3 March 2027",
 * "2026-12-01", "the 15th". A date that does not exist ("February 30") is not read as one.
 */
final class DateGrammar {

    private DateGrammar() {
    }

    record DateHit(LocalDate date, int start, int end) {
    }

    private static final Pattern REL_DAY = Pattern.compile(
            "\\b(?:on\\s+)?(the day after tomorrow|day after tomorrow|today|tomorrow|tmrw|tmr|yesterday)(?:'s)?\\b");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(?:(next|this|last|on|coming|this coming)\\s+)?(" + TimeGrammar.WEEKDAYS + ")(?:'s)?\\b");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(?:on\\s+)?(?:the\\s+)?(" + TimeGrammar.MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s*(\\d{4})\\b)?");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(?:on\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + TimeGrammar.MONTHS + ")\\b\\.?(?:,?\\s*(\\d{4})\\b)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(?:on\\s+)?(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern ORDINAL = Pattern.compile("\\b(?:on\\s+)?the\\s+(\\d{1,2})(st|nd|rd|th)\\b");

    private static final List<Pattern> DATE_PATTERNS = List.of(REL_DAY, ISO_DATE, MONTH_DAY, DAY_MONTH, WEEKDAY, ORDINAL);

    /**
     * The first date in {@code lower} at or after {@code from}; with {@code anchored}, only one starting exactly
     * there ("since |Monday").
     */
    static DateHit findDate(String lower, int from, boolean anchored, LocalDate today, boolean past) {
        DateHit best = null;
        for (Pattern p : DATE_PATTERNS) {
            Matcher m = p.matcher(lower);
            m.region(from, lower.length());
            boolean found = anchored ? m.lookingAt() : m.find();
            if (!found) {
                continue;
            }
            LocalDate date = resolve(p, m, today, past);
            if (date != null && (best == null || m.start() < best.start)) {
                best = new DateHit(date, m.start(), m.end());
            }
        }
        return best;
    }

    private static LocalDate resolve(Pattern p, Matcher m, LocalDate today, boolean past) {
        try {
            if (p == REL_DAY) {
                return switch (m.group(1)) {
                    case "today" -> today;
                    case "tomorrow", "tmrw", "tmr" -> today.plusDays(1);
                    case "yesterday" -> today.minusDays(1);
                    default -> today.plusDays(2);
                };
            }
            if (p == ISO_DATE) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            if (p == MONTH_DAY || p == DAY_MONTH) {
                String month = p == MONTH_DAY ? m.group(1) : m.group(2);
                int dayOfMonth = Integer.parseInt(p == MONTH_DAY ? m.group(2) : m.group(1));
                int monthNumber = month(month);
                if (m.group(3) != null) {
                    return LocalDate.of(Integer.parseInt(m.group(3)), monthNumber, dayOfMonth);
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

package ai.andy.chat.intent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, times, durations and ranges in everyday English, resolved with java.time in the person's zone.
 *
 * <p>Why our own grammar and not a library: the natural-language date parsers for Java (Natty, PrettyTime's NLP
 * module, JChronic) are unmaintained or drag in large parser runtimes, and they guess silently where Andy must either
 * be exact or ask. The set of phrases people use for commands is small; java.time does the calendar arithmetic
 * (months, leap years, DST gaps and overlaps) and this class only reads the words.
 *
 * <p>Conventions (documented because a person will notice them):
 * <ul>
 * <li>"12/3" is December 3 where dates are written month first (the US and its territories, the Philippines, Belize)
 * and 12 March everywhere else, by the person's region; when only the other reading is a date ("12/25" in London),
 * that one is meant. A numeric date that is no date at all is asked about.</li>
 * <li>Weeks start on Monday. "this week" is Monday 00:00 to next Monday 00:00; "next week" the one after.</li>
 * <li>"Tuesday", "on Tuesday", "this Tuesday" is the next Tuesday on or after today; "next Tuesday" is the Tuesday of
 * next week; "last Tuesday" the most recent one before today. When looking back ("since Monday", email listings),
 * a bare weekday is the most recent one on or before today.</li>
 * <li>A month and day without a year ("January 20") is the next such day on or after today (looking back: the most
 * recent one on or before today).</li>
 * <li>Parts of the day: morning 09:00, afternoon 14:00, evening 18:00, night and tonight 20:00, end of day 17:00,
 * noon/midday/lunchtime 12:00, midnight 00:00. As listing ranges: morning 06-12, afternoon 12-17, evening 17-22,
 * night/tonight 18-24.</li>
 * <li>"at 3" or "4:30" with no am/pm: 1 to 6 is afternoon, 7 to 11 morning, 12 noon (people rarely book 3am). With
 * am/pm or a 24-hour time ("14:30", "04:30") it is exact.</li>
 * <li>A time that does not exist on that day (skipped by a DST change) moves forward by the gap; a repeated one takes
 * the earlier offset (java.time's rules).</li>
 * </ul>
 */
final class TimeGrammar {

    static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
            + "|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec";
    static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|weds|thurs";
    /** Amounts as people say them: "45", "1.5", "an", "two", "half an", "a couple of". */
    static final String AMOUNT = "\\d+(?:\\.\\d+)?|half an?|a couple of|couple of|an?|one|two|three|four|five|six|seven"
            + "|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|forty|fifty|sixty|ninety";

    private static final Map<String, Double> WORDS = Map.ofEntries(Map.entry("a", 1.0), Map.entry("an", 1.0),
            Map.entry("one", 1.0), Map.entry("two", 2.0), Map.entry("three", 3.0), Map.entry("four", 4.0),
            Map.entry("five", 5.0), Map.entry("six", 6.0), Map.entry("seven", 7.0), Map.entry("eight", 8.0),
            Map.entry("nine", 9.0), Map.entry("ten", 10.0), Map.entry("eleven", 11.0), Map.entry("twelve", 12.0),
            Map.entry("fifteen", 15.0), Map.entry("twenty", 20.0), Map.entry("thirty", 30.0),
            Map.entry("forty", 40.0), Map.entry("forty-five", 45.0), Map.entry("fifty", 50.0),
            Map.entry("sixty", 60.0), Map.entry("ninety", 90.0), Map.entry("half a", 0.5),
            Map.entry("half an", 0.5), Map.entry("a couple of", 2.0), Map.entry("couple of", 2.0));

    // --- durations and offsets -------------------------------------------------------------------------------------
    private static final String UNIT = "(hours?|hrs?|minutes?|mins?)";
    private static final Pattern IN_OFFSET = Pattern.compile(
            "\\bin\\s+(" + AMOUNT + ")\\s*(minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\\b(\\s+and\\s+a\\s+half)?"
                    + "(?:\\s+from\\s+now)?");
    private static final Pattern FOR_DURATION = Pattern.compile(
            "\\b(?:for|lasting)\\s+(?:about\\s+)?(" + AMOUNT + ")\\s*" + UNIT + "\\b(\\s+and\\s+a\\s+half)?"
                    + "(?:\\s+and\\s+(\\d+)\\s*(?:minutes?|mins?))?");
    /** "a 30 minute slot", "30-minute meeting", "an hour-long call", "1 hour meeting". */
    private static final Pattern ADJ_DURATION = Pattern.compile(
            "\\b(" + AMOUNT + ")[\\s-]*" + UNIT + "(?:[\\s-]+long)?\\b");

    // --- times -----------------------------------------------------------------------------------------------------
    private static final String CLOCK = "(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?";
    private static final Pattern TIME_RANGE = Pattern.compile(
            "\\b(?:between|from)\\s+" + CLOCK + "\\s*(?:and|to|until|till|-)\\s*" + CLOCK + "(?![\\w])");
    private static final Pattern DASH_RANGE = Pattern.compile(
            "\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?\\s*-\\s*(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)\\b");
    /** "9am to 10am", "2pm until 3:30pm": a range without "from", the start said with am/pm. */
    private static final Pattern TO_RANGE = Pattern.compile(
            "\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)\\s*(?:to|until|till)\\s*(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?(?![\\w:])");
    /** "half past ten", "quarter to 4", "quarter past 9am". */
    private static final Pattern TIME_PAST = Pattern.compile(
            "(?:\\b(?:at|by|around)\\s+)?\\b(half past|quarter past|quarter to|a quarter past|a quarter to)\\s+"
                    + "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\b\\s*(am|pm|a\\.m\\.|p\\.m\\.)?");
    private static final Pattern TIME_AMPM = Pattern.compile(
            "(?:\\b(?:at|by|around|@)\\s*)?\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)(?![a-z])");
    private static final Pattern TIME_24 = Pattern.compile("(?:\\b(?:at|by|around)\\s+)?\\b([01]?\\d|2[0-3]):([0-5]\\d)\\b");
    private static final Pattern TIME_OCLOCK = Pattern.compile("(?:\\b(?:at|by|around)\\s+)?\\b(\\d{1,2})\\s*o'?clock\\b");
    private static final Pattern TIME_BARE = Pattern.compile("\\b(?:at|by|around)\\s+(\\d{1,2})\\b(?![:.%\\d]|\\s*(?:am|pm|a\\.m|p\\.m))");
    private static final Pattern TIME_NAMED = Pattern.compile(
            "(?:\\b(?:at|by|around)\\s+)?\\b(noon|midday|midnight|lunchtime|lunch time|end of (?:the )?day|eod)\\b");
    private static final Pattern PART_OF_DAY = Pattern.compile(
            "\\b(?:(this|in the|tomorrow|tonight|during the)\\s+)?(morning|afternoon|evening|night|tonight)\\b");

    // --- ranges for listing ----------------------------------------------------------------------------------------
    private static final Pattern WEEK_RANGE = Pattern.compile(
            "\\b(?:for\\s+|during\\s+|in\\s+)?(this|next|last|the past|the last|the coming)\\s+(week|weekend|month)\\b");
    private static final Pattern REST_OF = Pattern.compile("\\b(?:for\\s+)?the\\s+rest\\s+of\\s+(?:the|this)\\s+(week|day|month)\\b");
    private static final Pattern NEXT_DAYS = Pattern.compile(
            "\\b(?:in\\s+|over\\s+|for\\s+)?the\\s+(next|past|last|coming)\\s+(" + AMOUNT + ")\\s+(days|weeks)\\b");
    private static final Pattern LATER_TODAY = Pattern.compile("\\b(?:later|rest of)\\s+today\\b");
    private static final Pattern RANGE_TO = Pattern.compile("\\s*(?:to|until|till|through|thru|-)\\s*");
    private static final Pattern BETWEEN_AND = Pattern.compile("\\s*(?:and|to|-)\\s*");
    private static final Pattern RANGE_WORD = Pattern.compile(
            "\\b(since|from|between|(?<!day\\s)after|starting(?:\\s+from)?|until|till|before|through|up to)\\s+");

    private TimeGrammar() {
    }

    /** Finds every temporal expression in {@code phrase}, numeric dates read as in the US. */
    static When parse(Phrase phrase, ZonedDateTime now, boolean past) {
        return parse(phrase, now, past, true);
    }

    /** Finds every temporal expression, numeric dates ("12/3") read as the person's region writes them. */
    static When parse(Phrase phrase, Context ctx, boolean past) {
        return parse(phrase, ctx.now(), past, Dates.monthFirst(ctx.region()));
    }

    /** Finds every temporal expression in {@code phrase}; {@code past} when the command looks back (email, since). */
    static When parse(Phrase phrase, ZonedDateTime now, boolean past, boolean monthFirst) {
        When w = new When(now, phrase);
        LocalDate today = now.toLocalDate();
        Matcher m;

        // "in 2 hours" is a moment; "in 3 days" a date.
        if ((m = w.rest.matcher(IN_OFFSET)).find()) {
            double n = amount(m.group(1)) + (m.group(3) != null ? 0.5 : 0);
            String unit = m.group(2);
            if (unit.startsWith("min")) {
                w.exact = now.plusMinutes(Math.round(n)).truncatedTo(ChronoUnit.MINUTES);
            } else if (unit.startsWith("h")) {
                w.exact = now.plusMinutes(Math.round(n * 60)).truncatedTo(ChronoUnit.MINUTES);
            } else if (unit.startsWith("day")) {
                w.date = today.plusDays(Math.round(n));
            } else if (unit.startsWith("week")) {
                w.date = today.plusWeeks(Math.round(n));
            } else {
                w.date = today.plusMonths(Math.round(n));
            }
            w.rest = w.rest.cut(m);
        }

        if ((m = w.rest.matcher(FOR_DURATION)).find()) {
            w.durationMinutes = minutes(m.group(1), m.group(2), m.group(3) != null, m.group(4));
            w.rest = w.rest.cut(m);
        } else if ((m = w.rest.matcher(ADJ_DURATION)).find()) {
            w.durationMinutes = minutes(m.group(1), m.group(2), false, null);
            w.rest = w.rest.cut(m);
        }

        if ((m = w.rest.matcher(TIME_RANGE)).find() || (m = w.rest.matcher(DASH_RANGE)).find()
                || (m = w.rest.matcher(TO_RANGE)).find()) {
            LocalTime[] range = timeRange(m);
            if (range != null) {
                w.time = range[0];
                w.endTime = range[1];
                w.rest = w.rest.cut(m);
            }
        }

        listingRanges(w, today, past, monthFirst);

        Dates.DateHit hit = Dates.findDate(w.rest.lower, 0, false, today, past, monthFirst);
        if (hit != null && w.date == null) {
            w.date = hit.date();
            w.rest = w.rest.cut(hit.start(), hit.end());
            // "Thursday 12/3", "Friday, March 12": a weekday said with the date it falls on is that date.
            Dates.DateHit also = Dates.findDate(w.rest.lower, 0, false, today, past, monthFirst);
            if (also != null && also.date().getDayOfWeek() == hit.date().getDayOfWeek()
                    && w.rest.lower.substring(also.start(), also.end()).matches(".*\\d.*")) {
                w.date = also.date();
                w.rest = w.rest.cut(also.start(), also.end());
            }
        }

        if (w.time == null) {
            times(w, today);
        }
        w.rest = w.rest.tidy();
        Matcher odd = w.rest.matcher(Dates.UNREAD_DATE);
        if (odd.find()) {
            w.unreadDate = w.rest.group(odd, 0);
        }
        return w;
    }

    private static void listingRanges(When w, LocalDate today, boolean past, boolean monthFirst) {
        ZonedDateTime now = w.now;
        Matcher m;
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if ((m = w.rest.matcher(LATER_TODAY)).find()) {
            w.rangeFrom = now.truncatedTo(ChronoUnit.MINUTES);
            w.rangeTo = day(today.plusDays(1), now);
            w.rest = w.rest.cut(m);
        } else if ((m = w.rest.matcher(REST_OF)).find()) {
            w.rangeFrom = now.truncatedTo(ChronoUnit.MINUTES);
            w.rangeTo = switch (m.group(1)) {
                case "week" -> day(monday.plusWeeks(1), now);
                case "month" -> day(today.withDayOfMonth(1).plusMonths(1), now);
                default -> day(today.plusDays(1), now);
            };
            w.rest = w.rest.cut(m);
        } else if ((m = w.rest.matcher(NEXT_DAYS)).find()) {
            long n = Math.round(amount(m.group(2))) * (m.group(3).startsWith("week") ? 7 : 1);
            if (m.group(1).equals("next") || m.group(1).equals("coming")) {
                w.rangeFrom = now.truncatedTo(ChronoUnit.MINUTES);
                w.rangeTo = day(today.plusDays(n + 1), now);
            } else {
                w.rangeFrom = day(today.minusDays(n), now);
                w.rangeTo = null;
            }
            w.rest = w.rest.cut(m);
        } else if ((m = w.rest.matcher(WEEK_RANGE)).find()) {
            String which = m.group(1);
            int shift = which.equals("next") || which.equals("the coming") ? 1 : which.equals("this") ? 0 : -1;
            switch (m.group(2)) {
                case "week" -> {
                    w.rangeFrom = day(monday.plusWeeks(shift), now);
                    w.rangeTo = day(monday.plusWeeks(shift + 1), now);
                }
                case "weekend" -> {
                    LocalDate saturday = monday.plusDays(5).plusWeeks(shift);
                    w.rangeFrom = day(saturday, now);
                    w.rangeTo = day(saturday.plusDays(2), now);
                }
                default -> {
                    LocalDate first = today.withDayOfMonth(1).plusMonths(shift);
                    w.rangeFrom = day(first, now);
                    w.rangeTo = day(first.plusMonths(1), now);
                }
            }
            w.rest = w.rest.cut(m);
        }
        // "since Monday", "from today", "until Friday": a range word followed by a date.
        m = w.rest.matcher(RANGE_WORD);
        int at = 0;
        while (m.find(at)) {
            Dates.DateHit hit = Dates.findDate(w.rest.lower, m.end(), true, today, past || m.group(1).equals("since"),
                    monthFirst);
            if (hit == null) {
                at = m.end();
                if (at >= w.rest.lower.length()) {
                    break;
                }
                continue;
            }
            String word = m.group(1);
            int end = hit.end();
            switch (word) {
                case "until", "till", "through", "up to" -> w.rangeTo = day(hit.date().plusDays(1), now);
                case "before" -> w.rangeTo = day(hit.date(), now);
                default -> {
                    w.rangeFrom = day(hit.date(), now);
                    // "from Monday to Wednesday": the second day is read from the first, so it comes after it.
                    Matcher to = (word.equals("between") ? BETWEEN_AND : RANGE_TO).matcher(w.rest.lower);
                    to.region(hit.end(), w.rest.lower.length());
                    if (to.lookingAt()) {
                        Dates.DateHit last = Dates.findDate(w.rest.lower, to.end(), true, hit.date(), false, monthFirst);
                        if (last != null) {
                            w.rangeTo = day(last.date().plusDays(1), now);
                            end = last.end();
                        }
                    } else if (past && word.equals("from")) {
                        // "emails from yesterday": that whole day, not everything since.
                        w.rangeTo = day(hit.date().plusDays(1), now);
                    }
                }
            }
            w.rest = w.rest.cut(m.start(), end);
            m = w.rest.matcher(RANGE_WORD);
            at = 0;
        }
    }

    private static void times(When w, LocalDate today) {
        Matcher m;
        boolean bare = false;
        if ((m = w.rest.matcher(TIME_PAST)).find()) {
            int hour = (int) amount(m.group(2));
            LocalTime t = hour >= 1 && hour <= 12 ? clock(String.valueOf(hour), null, m.group(3)) : null;
            if (t != null) {
                String how = m.group(1);
                w.time = how.endsWith("to") ? t.minusMinutes(15) : t.plusMinutes(how.startsWith("half") ? 30 : 15);
                bare = m.group(3) == null;
                w.rest = w.rest.cut(m);
            }
        } else if ((m = w.rest.matcher(TIME_AMPM)).find()) {
            LocalTime t = clock(m.group(1), m.group(2), m.group(3));
            if (t != null) {
                w.time = t;
                w.rest = w.rest.cut(m);
            }
        } else if ((m = w.rest.matcher(TIME_24)).find()) {
            int hour = Integer.parseInt(m.group(1));
            // "4:30" is said for the afternoon like "at 4"; "04:30" and "16:30" are exact 24-hour times.
            boolean spoken = m.group(1).length() == 1 && hour >= 1 && hour <= 6;
            w.time = LocalTime.of(spoken ? hour + 12 : hour, Integer.parseInt(m.group(2)));
            bare = spoken;
            w.rest = w.rest.cut(m);
        } else if ((m = w.rest.matcher(TIME_NAMED)).find()) {
            String name = m.group(1);
            w.time = name.equals("midnight") ? LocalTime.MIDNIGHT
                    : name.startsWith("end") || name.equals("eod") ? LocalTime.of(17, 0) : LocalTime.NOON;
            w.rest = w.rest.cut(m);
        } else if ((m = w.rest.matcher(TIME_OCLOCK)).find() || (m = w.rest.matcher(TIME_BARE)).find()) {
            LocalTime t = clock(m.group(1), null, null);
            if (t != null) {
                w.time = t;
                bare = true;
                w.rest = w.rest.cut(m);
            }
        }
        if ((m = w.rest.matcher(PART_OF_DAY)).find()) {
            String lead = m.group(1);
            String part = m.group(2);
            if (part.equals("tonight") || "tonight".equals(lead)) {
                part = "night";
            }
            if (w.date == null && ("this".equals(lead) || "tonight".equals(lead) || m.group(2).equals("tonight"))) {
                w.date = today;
            } else if (w.date == null && "tomorrow".equals(lead)) {
                w.date = today.plusDays(1);
            }
            if (w.time == null) {
                w.time = partTime(part);
                w.partOfDay = part;
            } else if (bare && w.time.getHour() < 12 && !part.equals("morning")) {
                // "at 8 tonight", "at 7 in the evening": the part of the day says it is pm.
                w.time = w.time.plusHours(12);
            } else if (bare && w.time.getHour() > 12 && part.equals("morning")) {
                w.time = w.time.minusHours(12); // "at 5 in the morning"
            }
            w.rest = w.rest.cut(m);
        }
    }

    static LocalTime partTime(String part) {
        return switch (part) {
            case "morning" -> LocalTime.of(9, 0);
            case "afternoon" -> LocalTime.of(14, 0);
            case "evening" -> LocalTime.of(18, 0);
            default -> LocalTime.of(20, 0);
        };
    }

    static LocalTime[] partRange(String part) {
        return switch (part) {
            case "morning" -> new LocalTime[] {LocalTime.of(6, 0), LocalTime.NOON};
            case "afternoon" -> new LocalTime[] {LocalTime.NOON, LocalTime.of(17, 0)};
            case "evening" -> new LocalTime[] {LocalTime.of(17, 0), LocalTime.of(22, 0)};
            default -> new LocalTime[] {LocalTime.of(18, 0), LocalTime.MIDNIGHT};
        };
    }

    // --- times and amounts -----------------------------------------------------------------------------------------

    /** A clock time; with no am/pm, 1-6 is pm, 7-11 am, 12 noon (and 13-23 is read as 24-hour). */
    static LocalTime clock(String hours, String minutes, String meridiem) {
        int h = Integer.parseInt(hours);
        int min = minutes == null ? 0 : Integer.parseInt(minutes);
        if (min > 59 || h > 23) {
            return null;
        }
        if (meridiem != null) {
            if (h < 1 || h > 12) {
                return null;
            }
            boolean pm = meridiem.startsWith("p");
            h = h % 12 + (pm ? 12 : 0);
        } else if (h >= 1 && h <= 6) {
            h += 12;
        }
        return LocalTime.of(h, min);
    }

    /** "between 2 and 4pm": the end's am/pm applies to the start when the start has none and it still comes first. */
    private static LocalTime[] timeRange(Matcher m) {
        String startMeridiem = m.group(3);
        String endMeridiem = m.group(6);
        if (startMeridiem == null && endMeridiem == null && m.pattern() == TIME_RANGE && m.group(2) == null
                && m.group(5) == null && Integer.parseInt(m.group(1)) > 12) {
            return null;
        }
        LocalTime end = clock(m.group(4), m.group(5), endMeridiem);
        if (end == null) {
            return null;
        }
        LocalTime start = clock(m.group(1), m.group(2), startMeridiem != null ? startMeridiem : endMeridiem);
        if (start == null) {
            return null;
        }
        if (startMeridiem == null && endMeridiem != null && start.isAfter(end)) {
            // "11 to 1pm": 11 is in the morning.
            start = start.minusHours(12);
        }
        return new LocalTime[] {start, end};
    }

    static double amount(String word) {
        Double known = WORDS.get(word.trim());
        return known != null ? known : Double.parseDouble(word.trim());
    }

    private static int minutes(String amount, String unit, boolean andAHalf, String extraMinutes) {
        double n = amount(amount) + (andAHalf ? 0.5 : 0);
        double minutes = unit.startsWith("h") ? n * 60 : n;
        if (extraMinutes != null) {
            minutes += Integer.parseInt(extraMinutes);
        }
        return (int) Math.round(minutes);
    }

    private static ZonedDateTime day(LocalDate date, ZonedDateTime now) {
        return date.atStartOfDay(now.getZone());
    }
}

package ai.andy.chat.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The date and time grammar, at a fixed now: Wednesday 2026-11-25 10:00 in New York (UTC-5) unless a test says
 * otherwise. Expected values are what a person in that place would mean.
 */
class TimeGrammarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZonedDateTime NOW = LocalDateTime.parse("2026-11-25T10:00").atZone(NEW_YORK);

    private static When parse(String words, ZonedDateTime now, boolean past) {
        return TimeGrammar.parse(new Phrase(words), now, past);
    }

    private static String start(String words, ZonedDateTime now) {
        return When.iso(parse(words, now, false).start());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tomorrow at 2pm                 | 2026-11-26T14:00:00-05:00
            next Tuesday at noon            | 2026-12-01T12:00:00-05:00
            Tuesday at noon                 | 2026-12-01T12:00:00-05:00
            on January 20 at 4:30pm         | 2027-01-20T16:30:00-05:00
            Jan 20th at 9am                 | 2027-01-20T09:00:00-05:00
            20 January at 10:00             | 2027-01-20T10:00:00-05:00
            the 20th of January at 8 a.m.   | 2027-01-20T08:00:00-05:00
            2027-02-03 at 14:30             | 2027-02-03T14:30:00-05:00
            December 31 at 11:59pm          | 2026-12-31T23:59:00-05:00
            November 20 at 9am              | 2027-11-20T09:00:00-05:00
            Friday at midnight              | 2026-11-27T00:00:00-05:00
            this Friday at 2:30 pm          | 2026-11-27T14:30:00-05:00
            Wednesday at 11am               | 2026-11-25T11:00:00-05:00
            next Wednesday at 11am          | 2026-12-02T11:00:00-05:00
            next Monday at 9                | 2026-11-30T09:00:00-05:00
            the day after tomorrow at 8pm   | 2026-11-27T20:00:00-05:00
            in 2 hours                      | 2026-11-25T12:00:00-05:00
            in 30 minutes                   | 2026-11-25T10:30:00-05:00
            in an hour and a half           | 2026-11-25T11:30:00-05:00
            in half an hour                 | 2026-11-25T10:30:00-05:00
            in 3 days at 9am                | 2026-11-28T09:00:00-05:00
            in 2 weeks at noon              | 2026-12-09T12:00:00-05:00
            tomorrow morning                | 2026-11-26T09:00:00-05:00
            tomorrow afternoon              | 2026-11-26T14:00:00-05:00
            tomorrow evening                | 2026-11-26T18:00:00-05:00
            tonight                         | 2026-11-25T20:00:00-05:00
            at 8 tonight                    | 2026-11-25T20:00:00-05:00
            at noon                         | 2026-11-25T12:00:00-05:00
            at 3                            | 2026-11-25T15:00:00-05:00
            at 4:30                         | 2026-11-25T16:30:00-05:00
            at 16:30                        | 2026-11-25T16:30:00-05:00
            at 9am                          | 2026-11-26T09:00:00-05:00
            by end of day                   | 2026-11-25T17:00:00-05:00
            on the 1st at 10am              | 2026-12-01T10:00:00-05:00
            Dec. 3rd, 2026 at 7 pm          | 2026-12-03T19:00:00-05:00
            """)
    void resolvesMoments(String words, String expected) {
        assertThat(start(words, NOW)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1} min")
    @CsvSource(delimiter = '|', textBlock = """
            for 45 minutes               | 45
            for an hour                  | 60
            for 1.5 hours                | 90
            for half an hour             | 30
            for an hour and a half       | 90
            for 2 hours and 15 minutes   | 135
            for 90 min                   | 90
            a 30 minute slot             | 30
            a 30-minute call             | 30
            an hour-long review          | 60
            two hour workshop            | 120
            """)
    void readsDurations(String words, int minutes) {
        assertThat(parse(words, NOW, false).durationMinutes).isEqualTo(minutes);
    }

    @ParameterizedTest(name = "{0} -> [{1}, {2})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            today                  | 2026-11-25T00:00:00-05:00 | 2026-11-26T00:00:00-05:00
            tomorrow               | 2026-11-26T00:00:00-05:00 | 2026-11-27T00:00:00-05:00
            yesterday              | 2026-11-24T00:00:00-05:00 | 2026-11-25T00:00:00-05:00
            since Monday           | 2026-11-23T00:00:00-05:00 | -
            from today             | 2026-11-25T00:00:00-05:00 | -
            until Friday           | -                         | 2026-11-28T00:00:00-05:00
            this week              | 2026-11-23T00:00:00-05:00 | 2026-11-30T00:00:00-05:00
            next week              | 2026-11-30T00:00:00-05:00 | 2026-12-07T00:00:00-05:00
            last week              | 2026-11-16T00:00:00-05:00 | 2026-11-23T00:00:00-05:00
            this weekend           | 2026-11-28T00:00:00-05:00 | 2026-11-30T00:00:00-05:00
            this month             | 2026-11-01T00:00:00-04:00 | 2026-12-01T00:00:00-05:00
            the next 3 days        | 2026-11-25T10:00:00-05:00 | 2026-11-29T00:00:00-05:00
            later today            | 2026-11-25T10:00:00-05:00 | 2026-11-26T00:00:00-05:00
            between 2 and 4pm      | 2026-11-25T14:00:00-05:00 | 2026-11-25T16:00:00-05:00
            between 11 and 1pm     | 2026-11-25T11:00:00-05:00 | 2026-11-25T13:00:00-05:00
            tomorrow 9-11am        | 2026-11-26T09:00:00-05:00 | 2026-11-26T11:00:00-05:00
            Friday afternoon       | 2026-11-27T12:00:00-05:00 | 2026-11-27T17:00:00-05:00
            from Monday to Friday  | 2026-11-30T00:00:00-05:00 | 2026-12-05T00:00:00-05:00
            """)
    void readsListingRanges(String words, String from, String to) {
        ZonedDateTime[] window = parse(words, NOW, false).window();
        assertThat(window).isNotNull();
        assertThat(When.iso(window[0])).isEqualTo(from);
        assertThat(When.iso(window[1])).isEqualTo(to);
    }

    @Test
    void lookingBackAWeekdayOrDateWithoutYearIsTheOneJustPast() {
        assertThat(parse("since Friday", NOW, true).window()[0].toLocalDate()).hasToString("2026-11-20");
        assertThat(parse("since January 20", NOW, true).window()[0].toLocalDate()).hasToString("2026-01-20");
        assertThat(parse("on Monday", NOW, true).date).hasToString("2026-11-23");
        assertThat(parse("on Monday", NOW, false).date).hasToString("2026-11-30");
        assertThat(parse("last Friday", NOW, false).date).hasToString("2026-11-20");
    }

    @Test
    void theDayClocksGoBackInParisGetsThatDaysOffset() {
        ZonedDateTime saturday = LocalDateTime.parse("2026-10-24T18:00").atZone(ZoneId.of("Europe/Paris"));
        assertThat(start("tomorrow at 2pm", saturday)).isEqualTo("2026-10-25T14:00:00+01:00");
        assertThat(start("today at 8pm", saturday)).isEqualTo("2026-10-24T20:00:00+02:00");
        // 02:30 happens twice that night: java.time takes the earlier offset.
        assertThat(start("tomorrow at 2:30am", saturday)).isEqualTo("2026-10-25T02:30:00+02:00");
        // "this week" spans the change: Monday in summer time, the next Monday in winter time.
        ZonedDateTime[] week = parse("this week", saturday, false).window();
        assertThat(When.iso(week[0])).isEqualTo("2026-10-19T00:00:00+02:00");
        assertThat(When.iso(week[1])).isEqualTo("2026-10-26T00:00:00+01:00");
    }

    @Test
    void inTwoHoursAcrossTheChangeIsTwoHoursOfRealTime() {
        ZonedDateTime beforeChange = ZonedDateTime.parse("2026-10-25T01:30:00+02:00[Europe/Paris]");
        assertThat(start("in 2 hours", beforeChange)).isEqualTo("2026-10-25T02:30:00+01:00");
    }

    @Test
    void aTimeSkippedInSpringMovesForwardByTheGap() {
        ZonedDateTime saturday = LocalDateTime.parse("2026-03-28T12:00").atZone(ZoneId.of("Europe/Paris"));
        assertThat(start("tomorrow at 2:30am", saturday)).isEqualTo("2026-03-29T03:30:00+02:00");
    }

    @Test
    void tomorrowIsThePersonsTomorrowFarFromUtc() {
        // 23:30 on Kiritimati (UTC+14) is 09:30 UTC the same day: "tomorrow" is still the person's tomorrow.
        ZonedDateTime lateEvening = LocalDateTime.parse("2026-11-25T23:30").atZone(ZoneId.of("Pacific/Kiritimati"));
        assertThat(start("tomorrow at noon", lateEvening)).isEqualTo("2026-11-26T12:00:00+14:00");
        ZonedDateTime auckland = LocalDateTime.parse("2026-11-25T08:00").atZone(ZoneId.of("Pacific/Auckland"));
        ZonedDateTime[] today = parse("today", auckland, false).window();
        assertThat(When.iso(today[0])).isEqualTo("2026-11-25T00:00:00+13:00");
        assertThat(When.iso(today[1])).isEqualTo("2026-11-26T00:00:00+13:00");
    }

    @Test
    void leavesTheOtherWordsForTheGrammars() {
        When w = parse("lunch with Bob tomorrow at noon for an hour", NOW, false);
        assertThat(w.rest.text).isEqualTo("lunch with Bob");
        assertThat(w.durationMinutes).isEqualTo(60);
    }

    @Test
    void wordsThatOnlyLookLikeDatesAreNotDates() {
        assertThat(parse("February 30", NOW, false).date).isNull();
        assertThat(parse("may I ask", NOW, false).hasAnything()).isFalse();
        assertThat(parse("call 555 123 4567", NOW, false).hasAnything()).isFalse();
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            on 12/3 at 9am          | US | 2026-12-03T09:00:00-05:00
            on 12/3 at 9am          | GB | 2027-03-12T09:00:00-05:00
            3/12 at 7pm             | GB | 2026-12-03T19:00:00-05:00
            12/25 at 10am           | GB | 2026-12-25T10:00:00-05:00
            1/2/2027 at noon        | US | 2027-01-02T12:00:00-05:00
            1/2/27 at noon          | FR | 2027-02-01T12:00:00-05:00
            12th March at 8am       | GB | 2027-03-12T08:00:00-05:00
            the 12th of March at 8  | US | 2027-03-12T08:00:00-05:00
            Dec 4 at half past ten  | US | 2026-12-04T10:30:00-05:00
            Monday 9am to 10am      | US | 2026-11-30T09:00:00-05:00
            """)
    void numericDatesFollowThePersonsRegion(String words, String region, String expected) {
        Context ctx = new Context(NOW, PeopleDirectory.EMPTY, region);
        assertThat(When.iso(TimeGrammar.parse(new Phrase(words), ctx, false).start())).isEqualTo(expected);
    }

    @Test
    void aRangeWithoutFromEndsWhereSaid() {
        When w = parse("Monday 9am to 10am", NOW, false);
        assertThat(When.iso(w.end(w.start()))).isEqualTo("2026-11-30T10:00:00-05:00");
        assertThat(w.rest.text).isEmpty();
    }

    @Test
    void mailFromADayIsThatWholeDay() {
        ZonedDateTime[] window = parse("from yesterday", NOW, true).window();
        assertThat(When.iso(window[0])).isEqualTo("2026-11-24T00:00:00-05:00");
        assertThat(When.iso(window[1])).isEqualTo("2026-11-25T00:00:00-05:00");
    }

    @Test
    void aNumericDateThatIsNoDateIsKeptForAQuestion() {
        assertThat(parse("on 13/25", NOW, false).unreadDate).isEqualTo("13/25");
    }
}

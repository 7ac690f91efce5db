package ai.andy.calendar.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.andy.calendar.CalendarEvent;

/** Series expansion in the series' own zone: DST changes, far zones, exceptions, all-day and bounded series. */
class RecurrenceTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aWeeklyTenOClockStaysAtTenLocalAcrossTheDstChange() {
        // Paris leaves summer time on 25 October 2026: UTC 08:00 before, 09:00 after.
        CalendarEvent weekly = series(ZonedDateTime.of(2026, 10, 12, 10, 0, 0, 0, PARIS), 60, "FREQ=WEEKLY");
        List<Occurrence> all = Recurrence.expand(List.of(weekly), List.of(),
                Instant.parse("2026-10-10T00:00:00Z"), Instant.parse("2026-11-05T00:00:00Z"));

        assertThat(all).extracting(o -> o.start().atZone(PARIS).toLocalTime())
                .containsOnly(LocalTime.of(10, 0)).hasSize(4);
        assertThat(all).extracting(Occurrence::start).containsExactly(
                Instant.parse("2026-10-12T08:00:00Z"), Instant.parse("2026-10-19T08:00:00Z"),
                Instant.parse("2026-10-26T09:00:00Z"), Instant.parse("2026-11-02T09:00:00Z"));
    }

    @Test
    void aDailySeriesInAFarZoneLandsOnItsOwnDays() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        CalendarEvent daily = series(ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, auckland), 30, "FREQ=DAILY;COUNT=3");
        List<Occurrence> all = Recurrence.expand(List.of(daily), List.of(), Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(all).extracting(o -> o.start().atZone(auckland).toLocalDate()).containsExactly(
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3));
        // In UTC these start the evening before.
        assertThat(all.get(0).start()).isEqualTo(Instant.parse("2026-11-30T19:00:00Z"));
        assertThat(Recurrence.seriesUntil(daily)).isEqualTo(Instant.parse("2026-12-02T19:30:00Z"));
    }

    @Test
    void aMovedInstanceReplacesItsSlotAndACancelledOneDisappears() {
        CalendarEvent weekly = series(ZonedDateTime.of(2026, 12, 7, 10, 0, 0, 0, PARIS), 60, "FREQ=WEEKLY");
        Instant second = Instant.parse("2026-12-14T09:00:00Z");
        Instant third = Instant.parse("2026-12-21T09:00:00Z");
        CalendarEvent moved = exception(weekly, second, Instant.parse("2026-12-15T13:00:00Z"), "confirmed");
        CalendarEvent cancelled = exception(weekly, third, third, "cancelled");

        List<Occurrence> all = Recurrence.expand(List.of(weekly), List.of(moved, cancelled),
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-29T00:00:00Z"));

        assertThat(all).extracting(Occurrence::start).containsExactly(Instant.parse("2026-12-07T09:00:00Z"),
                Instant.parse("2026-12-15T13:00:00Z"), Instant.parse("2026-12-28T09:00:00Z"));
        assertThat(all.get(1).id()).isEqualTo(weekly.id + "_20261214T090000Z");
        assertThat(all.get(1).originalStart()).isEqualTo(second);
    }

    @Test
    void anInstanceRunningIntoTheWindowIsFound() {
        CalendarEvent nightly = series(ZonedDateTime.of(2026, 12, 1, 23, 0, 0, 0, PARIS), 120, "FREQ=DAILY");
        List<Occurrence> all = Recurrence.expand(List.of(nightly), List.of(),
                Instant.parse("2026-12-05T23:30:00Z"), Instant.parse("2026-12-06T00:30:00Z"));
        assertThat(all).hasSize(1);
        assertThat(all.get(0).start()).isEqualTo(Instant.parse("2026-12-05T22:00:00Z"));
    }

    @Test
    void subDailyAndMalformedRulesAreRefusedWithAReason() {
        assertThatThrownBy(() -> Recurrence.parse("FREQ=MINUTELY")).hasMessageContaining("daily, weekly");
        assertThatThrownBy(() -> Recurrence.parse("EVERY MONDAY")).hasMessageContaining("RRULE");
    }

    private static CalendarEvent series(ZonedDateTime start, int minutes, String rrule) {
        CalendarEvent e = new CalendarEvent();
        e.id = UUID.randomUUID();
        e.userId = "u";
        e.title = "Weekly";
        e.zone = start.getZone().getId();
        e.startAt = start.toInstant();
        e.endAt = start.plusMinutes(minutes).toInstant();
        e.rrule = rrule;
        return e;
    }

    private static CalendarEvent exception(CalendarEvent master, Instant original, Instant start, String status) {
        CalendarEvent x = new CalendarEvent();
        x.id = UUID.randomUUID();
        x.userId = master.userId;
        x.title = master.title;
        x.zone = master.zone;
        x.startAt = start;
        x.endAt = start.plusSeconds(3600);
        x.seriesId = master.id;
        x.originalStart = original;
        x.status = status;
        return x;
    }
}

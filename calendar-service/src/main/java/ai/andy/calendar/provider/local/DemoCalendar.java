package ai.andy.calendar.provider.local;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * What a new person finds in their local calendar and task list: a few made-up events and tasks around today, each
 * clearly marked demo (the {@code demo} flag in the API, a note in the description, attendees at example.com, a
 * domain reserved for examples), so the calendar can be tried at once. Times are in the person's zone.
 */
public final class DemoCalendar {
    public static final String NOTE = "Demo event: Andy made this up so there is something to try. Delete it any time.";

    /** A demo event; {@code movedTo}/{@code cancelled} name instances of a series that are exceptions. */
    public record Event(String title, ZonedDateTime start, Duration length, boolean allDay, String location,
            String rrule, List<String[]> attendees, ZonedDateTime moveInstance, ZonedDateTime movedTo,
            ZonedDateTime cancelInstance) {
    }

    public record Task(String title, Instant due, boolean dueHasTime, String priority, boolean done) {
    }

    private DemoCalendar() {
    }

    public static List<Event> events(ZoneId zone, LocalDate today) {
        List<Event> out = new ArrayList<>();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        ZonedDateTime standup = monday.atTime(9, 30).atZone(zone);
        // A weekday series with one instance moved (next Wednesday to 11:00) and one cancelled (next Friday).
        LocalDate nextWednesday = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        LocalDate nextFriday = today.with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        out.add(new Event("Team stand-up", standup, Duration.ofMinutes(15), false, "Video call",
                "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", List.of(), nextWednesday.atTime(9, 30).atZone(zone),
                nextWednesday.atTime(11, 0).atZone(zone), nextFriday.atTime(9, 30).atZone(zone)));
        out.add(new Event("Lunch with Sarah", today.plusDays(1).atTime(12, 30).atZone(zone), Duration.ofHours(1),
                false, "Café Lumière", null, List.<String[]> of(new String[] {"Sarah Chen", "sarah@example.com"}),
                null, null, null));
        out.add(new Event("Dentist", today.plusDays(2).atTime(15, 0).atZone(zone), Duration.ofMinutes(45), false,
                "Smile Dental, 12 High Street", null, List.of(), null, null, null));
        out.add(new Event("Project review", today.plusDays(2).atTime(LocalTime.of(10, 0)).atZone(zone),
                Duration.ofHours(1), false, null, null,
                List.<String[]> of(new String[] {"Bob Martin", "bob@example.com"}), null, null, null));
        out.add(new Event("Sam's birthday", today.plusDays(5).atStartOfDay(zone), Duration.ofDays(1), true, null,
                null, List.of(), null, null, null));
        return out;
    }

    public static List<Task> tasks(ZoneId zone, LocalDate today) {
        return List.of(
                new Task("Renew passport", today.plusDays(3).plusDays(1).atStartOfDay(zone).toInstant(), false,
                        "high", false),
                new Task("Call the plumber", today.plusDays(1).atTime(10, 0).atZone(zone).toInstant(), true,
                        "normal", false),
                new Task("Buy milk", null, false, "low", false),
                new Task("Book train tickets", today.minusDays(1).plusDays(1).atStartOfDay(zone).toInstant(), false,
                        "normal", true));
    }
}

package ai.andy.calendar.config;

import java.time.Duration;
import java.time.LocalTime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** calendar-service's own settings ({@code andy.calendar.*}). */
@ConfigMapping(prefix = "andy.calendar")
public interface CalendarConfig {

    /** How long before an event its reminder fires when the event names no lead time of its own. */
    @WithDefault("10m")
    Duration defaultReminderLead();

    /** How far ahead the reminder planner writes reminders; it runs far more often than this. */
    @WithDefault("2h")
    Duration reminderHorizon();

    /** How often the reminder planner and firer run. */
    @WithDefault("15s")
    Duration reminderInterval();

    /** A task's reminder claimed this long after its due time is no longer worth sending. */
    @WithDefault("1h")
    Duration taskReminderGrace();

    /** Working hours used for finding a slot when auth-service cannot say what the person's are. */
    @WithDefault("09:00")
    LocalTime defaultWorkdayStart();

    /** End of the default working hours. */
    @WithDefault("17:00")
    LocalTime defaultWorkdayEnd();

    /** Slots start on multiples of this within working hours. */
    @WithDefault("15m")
    Duration slotGranularity();

    /** The most events one listing returns before it pages with a cursor. */
    @WithDefault("200")
    int maxPageSize();

    /** The longest window one listing or free/busy query may span. */
    @WithDefault("400d")
    Duration maxWindow();
}

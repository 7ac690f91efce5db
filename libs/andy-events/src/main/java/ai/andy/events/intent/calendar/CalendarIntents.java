package ai.andy.events.intent.calendar;

import java.util.List;

import ai.andy.events.intent.Descriptions;
import ai.andy.events.intent.IntentSpec;
import ai.andy.events.intent.IntentSpec.Confirmation;

/** calendar-service's intents (calendar and tasks), answered on {@code calendar.fetched}. */
public final class CalendarIntents {
    public static final List<IntentSpec<?, ?>> ALL = List.of(
            IntentSpec.read("calendar.list", CalendarList.class, CalendarEvents.class,
                    "List the events in the person's calendars between two times."),
            new IntentSpec<>("calendar.create", CalendarCreate.class, CalendarEvent.class,
                    Confirmation.WHEN_PARAMS_SAY, "Add an event to the person's calendar. With attendees, "
                            + "invitations go out only after the person confirms."),
            IntentSpec.confirmed("calendar.update", CalendarUpdate.class, CalendarEvent.class,
                    "Change an event (time, title, place, attendees)." + Descriptions.PENDING),
            IntentSpec.confirmed("calendar.cancel", CalendarCancel.class, CalendarEvent.class,
                    "Cancel an event." + Descriptions.PENDING),
            IntentSpec.read("calendar.findSlot", CalendarFindSlot.class, FreeSlots.class,
                    "Find free time in the person's calendar, and their attendees' when known."),
            IntentSpec.read("task.create", TaskCreate.class, TaskItem.class,
                    "Add a task or reminder to the person's task list."),
            IntentSpec.read("task.list", TaskList.class, TaskItems.class, "List the person's tasks."),
            IntentSpec.read("task.complete", TaskComplete.class, TaskItem.class, "Mark a task as done."));

    private CalendarIntents() {
    }
}

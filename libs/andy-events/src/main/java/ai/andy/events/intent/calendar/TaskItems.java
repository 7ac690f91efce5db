package ai.andy.events.intent.calendar;

import java.util.List;

/** Result of {@code task.list}. */
public record TaskItems(List<TaskView> tasks, int count, Boolean more) {
}

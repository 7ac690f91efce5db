package ai.andy.events.intent.calendar;

/** Result of {@code task.create} and {@code task.complete}: the task as it now is. */
public record TaskItem(TaskView task) {
}

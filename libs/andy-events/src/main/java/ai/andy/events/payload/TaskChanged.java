package ai.andy.events.payload;

import java.time.Instant;

/**
 * {@code task.changed}: a task was created, updated, completed or deleted ({@code change}). Published by
 * calendar-service. Never carries the task's notes.
 */
public record TaskChanged(String listId, String taskId, String change, String title, Instant due, String status) {
}

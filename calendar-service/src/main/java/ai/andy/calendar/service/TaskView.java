package ai.andy.calendar.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A task as a person sees it. {@code due} is the due time; with {@code dueDate} set (and {@code dueHasTime} false)
 * the task is due that day and {@code due} is the end of it in the person's zone. {@code overdue}: open and past due.
 */
public record TaskView(UUID id, UUID listId, String title, String notes, Instant due, LocalDate dueDate,
        boolean dueHasTime, String priority, String status, boolean overdue, Instant completedAt, boolean demo) {
}

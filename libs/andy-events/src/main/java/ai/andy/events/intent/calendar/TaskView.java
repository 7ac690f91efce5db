package ai.andy.events.intent.calendar;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A task as an intent's result carries it; {@code status} is open or completed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(String id, String listId, String provider, String title, OffsetDateTime due,
        TaskPriority priority, String status, OffsetDateTime completedAt, boolean demo) {
}

package ai.andy.events.intent.calendar;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.Descriptions;

/** {@code task.list}: the person's tasks (open by default). */
public record TaskList(TaskStatus status, @JsonPropertyDescription(Descriptions.TIME) OffsetDateTime dueBefore) {
}

package ai.andy.events.intent.calendar;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.Descriptions;
import ai.andy.events.intent.InvalidIntentException;

/** {@code task.create}: a task (or reminder) on the person's list. */
public record TaskCreate(
        @JsonProperty(required = true) @JsonPropertyDescription("what to do") String title,
        @JsonPropertyDescription("when it is due; " + Descriptions.TIME) OffsetDateTime due,
        TaskPriority priority) {

    public TaskCreate {
        if (title == null || title.isBlank()) {
            throw InvalidIntentException.missing("title", "what the task is");
        }
    }
}

package ai.andy.events.intent.calendar;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.InvalidIntentException;

/** {@code task.complete}: mark a task done, by id or by reference. */
public record TaskComplete(
        @JsonPropertyDescription("the id from task_list") String taskId,
        @JsonPropertyDescription("when there is no id, which task") String reference) {

    public TaskComplete {
        if (taskId == null && reference == null) {
            throw InvalidIntentException.missing("taskId", "which task (an id or a reference)");
        }
    }
}

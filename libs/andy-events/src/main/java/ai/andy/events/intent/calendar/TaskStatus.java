package ai.andy.events.intent.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum TaskStatus {
    @JsonProperty("open") OPEN,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("all") ALL
}

package ai.andy.events.intent.calendar;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.Descriptions;
import ai.andy.events.intent.InvalidIntentException;

/** {@code calendar.list}: the events of all the person's calendars in a window. */
public record CalendarList(
        @JsonProperty(required = true) @JsonPropertyDescription("start of the window; " + Descriptions.TIME)
        OffsetDateTime from,
        @JsonPropertyDescription("end of the window; " + Descriptions.TIME) OffsetDateTime to) {

    public CalendarList {
        if (from == null) {
            throw InvalidIntentException.missing("from", "from when to list events");
        }
    }
}

package ai.andy.events.intent.calendar;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.Descriptions;
import ai.andy.events.intent.InvalidIntentException;

/**
 * {@code calendar.update}*: change an event named by id, or by a reference plus the window it lies in. A reference
 * that matches more than one event is answered with a question, never acted on.
 */
public record CalendarUpdate(
        @JsonPropertyDescription("the id from calendar_list") String eventId,
        @JsonPropertyDescription("when there is no id, which event, e.g. \"my dentist appointment on Friday\"")
        String reference,
        @JsonPropertyDescription("with a reference: the window the event lies in, from; " + Descriptions.TIME)
        OffsetDateTime from,
        @JsonPropertyDescription("with a reference: the window the event lies in, to; " + Descriptions.TIME)
        OffsetDateTime to,
        @JsonProperty(required = true) @JsonPropertyDescription("only what changes") EventChanges changes) {

    public CalendarUpdate {
        if (changes == null) {
            throw InvalidIntentException.missing("changes", "what to change");
        }
        if (eventId == null && reference == null) {
            throw InvalidIntentException.missing("eventId", "which event (an id or a reference)");
        }
    }
}

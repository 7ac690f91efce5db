package ai.andy.events.intent.calendar;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.Descriptions;
import ai.andy.events.intent.InvalidIntentException;

/** {@code calendar.cancel}*: cancel an event named by id, or by a reference plus its window. */
public record CalendarCancel(
        @JsonPropertyDescription("the id from calendar_list") String eventId,
        @JsonPropertyDescription("when there is no id, which event") String reference,
        @JsonPropertyDescription("with a reference: the window the event lies in, from; " + Descriptions.TIME)
        OffsetDateTime from,
        @JsonPropertyDescription("with a reference: the window the event lies in, to; " + Descriptions.TIME)
        OffsetDateTime to) {

    public CalendarCancel {
        if (eventId == null && reference == null) {
            throw InvalidIntentException.missing("eventId", "which event (an id or a reference)");
        }
    }
}

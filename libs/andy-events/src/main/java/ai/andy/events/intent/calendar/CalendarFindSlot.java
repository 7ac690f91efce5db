package ai.andy.events.intent.calendar;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.Descriptions;
import ai.andy.events.intent.InvalidIntentException;
import ai.andy.events.intent.PersonRef;

/** {@code calendar.findSlot}: free time within the person's working hours, and their attendees' when known. */
public record CalendarFindSlot(
        @JsonProperty(required = true) @JsonPropertyDescription("how long the slot must be, in minutes")
        Integer durationMinutes,
        @JsonPropertyDescription("people who must be free too") List<PersonRef> attendees,
        @JsonPropertyDescription("earliest start; " + Descriptions.TIME) OffsetDateTime from,
        @JsonPropertyDescription("latest end; " + Descriptions.TIME) OffsetDateTime to) {

    public CalendarFindSlot {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        if (durationMinutes == null || durationMinutes <= 0) {
            throw InvalidIntentException.missing("durationMinutes", "how many minutes the slot must last");
        }
    }
}

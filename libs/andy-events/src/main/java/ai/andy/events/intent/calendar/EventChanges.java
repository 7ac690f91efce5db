package ai.andy.events.intent.calendar;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.Descriptions;
import ai.andy.events.intent.PersonRef;

/** What a {@code calendar.update} changes: only the fields given. */
public record EventChanges(
        String title,
        @JsonPropertyDescription(Descriptions.TIME) OffsetDateTime start,
        @JsonPropertyDescription(Descriptions.TIME) OffsetDateTime end,
        Integer durationMinutes,
        String location,
        @JsonPropertyDescription("the new list of attendees") List<PersonRef> attendees) {
}

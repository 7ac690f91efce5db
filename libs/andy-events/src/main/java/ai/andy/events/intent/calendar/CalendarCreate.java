package ai.andy.events.intent.calendar;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.ConditionalConfirmation;
import ai.andy.events.intent.Descriptions;
import ai.andy.events.intent.InvalidIntentException;
import ai.andy.events.intent.PersonRef;

/** {@code calendar.create}: a new event; confirmed first when it invites anyone. */
public record CalendarCreate(
        @JsonProperty(required = true) @JsonPropertyDescription("what the event is") String title,
        @JsonProperty(required = true) @JsonPropertyDescription(Descriptions.TIME) OffsetDateTime start,
        @JsonPropertyDescription(Descriptions.TIME + "; or give durationMinutes") OffsetDateTime end,
        @JsonPropertyDescription("length in minutes, when there is no end") Integer durationMinutes,
        @JsonPropertyDescription("people to invite: each an email address, or a name as the person said it")
        List<PersonRef> attendees,
        @JsonPropertyDescription("where") String location) implements ConditionalConfirmation {

    public CalendarCreate {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        if (title == null || title.isBlank()) {
            throw InvalidIntentException.missing("title", "what the event is");
        }
        if (start == null) {
            throw InvalidIntentException.missing("start", "when the event starts");
        }
        if (end != null && !end.isAfter(start)) {
            throw new InvalidIntentException("end", "must be after the start.");
        }
        if (durationMinutes != null && durationMinutes <= 0) {
            throw new InvalidIntentException("durationMinutes", "must be more than 0.");
        }
    }

    @JsonIgnore
    @Override
    public boolean needsConfirmation() {
        return !attendees.isEmpty();
    }
}

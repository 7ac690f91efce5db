package ai.andy.events.intent.telephony;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.Descriptions;
import ai.andy.events.intent.PersonRef;

/** {@code call.list}: calls and voicemails, newest first. */
public record CallList(
        @JsonPropertyDescription("only calls with this person: a number or a name") PersonRef from,
        @JsonPropertyDescription("at or after; " + Descriptions.TIME) OffsetDateTime since,
        @JsonPropertyDescription("only calls the person missed") Boolean missedOnly) {
}

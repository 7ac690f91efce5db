package ai.andy.events.intent.telephony;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.Descriptions;
import ai.andy.events.intent.PersonRef;

/** {@code sms.list}: texts, newest first. */
public record SmsList(
        @JsonPropertyDescription("only texts with this person: a number or a name") PersonRef from,
        @JsonPropertyDescription("at or after; " + Descriptions.TIME) OffsetDateTime since,
        @JsonPropertyDescription("only texts not yet read") Boolean unreadOnly) {
}

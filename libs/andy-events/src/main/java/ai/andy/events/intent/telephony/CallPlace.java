package ai.andy.events.intent.telephony;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.InvalidIntentException;
import ai.andy.events.intent.PersonRef;

/** {@code call.place}*: a phone call for the person. */
public record CallPlace(
        @JsonProperty(required = true)
        @JsonPropertyDescription("a phone number in E.164 form, or a name as the person said it") PersonRef to,
        @JsonPropertyDescription("what the call is about") String purpose) {

    public CallPlace {
        if (to == null) {
            throw InvalidIntentException.missing("to", "whom to call");
        }
    }
}

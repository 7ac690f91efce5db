package ai.andy.events.intent.telephony;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.InvalidIntentException;
import ai.andy.events.intent.PersonRef;

/** {@code sms.send}*: a text from the person's number. */
public record SmsSend(
        @JsonProperty(required = true)
        @JsonPropertyDescription("a phone number in E.164 form (+14155550123), or a name as the person said it")
        PersonRef to,
        @JsonProperty(required = true) @JsonPropertyDescription("the text") String body) {

    public SmsSend {
        if (to == null) {
            throw InvalidIntentException.missing("to", "who the text is for");
        }
        if (body == null || body.isBlank()) {
            throw InvalidIntentException.missing("body", "what the text says");
        }
    }
}

package ai.andy.events.intent.email;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.InvalidIntentException;
import ai.andy.events.intent.PersonRef;

/** {@code email.send}*: a new email on the person's behalf. */
public record EmailSend(
        @JsonProperty(required = true)
        @JsonPropertyDescription("recipients: each an email address, or a name as the person said it")
        List<PersonRef> to,
        @JsonPropertyDescription("copy recipients, like to") List<PersonRef> cc,
        @JsonPropertyDescription("the subject line") String subject,
        @JsonProperty(required = true) @JsonPropertyDescription("the text of the email") String body) {

    public EmailSend {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        if (to.isEmpty()) {
            throw InvalidIntentException.missing("to", "who the email is for");
        }
        if (body == null || body.isBlank()) {
            throw InvalidIntentException.missing("body", "what the email says");
        }
    }
}

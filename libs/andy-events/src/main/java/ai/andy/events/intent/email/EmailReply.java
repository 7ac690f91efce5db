package ai.andy.events.intent.email;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.InvalidIntentException;

/** {@code email.reply}*: an answer to an email, by id or by reference. */
public record EmailReply(
        @JsonPropertyDescription("the id of the email to answer") String messageId,
        @JsonPropertyDescription("when there is no id, which email, e.g. \"Sarah's last email\"") String reference,
        @JsonPropertyDescription("with a reference: the sender, a name or an address") String from,
        @JsonPropertyDescription("with a reference: words in the subject") String query,
        @JsonProperty(required = true) @JsonPropertyDescription("the text of the reply") String body,
        @JsonPropertyDescription("answer everyone on the email, not only the sender") Boolean replyAll) {

    public EmailReply {
        if (body == null || body.isBlank()) {
            throw InvalidIntentException.missing("body", "what the reply says");
        }
    }
}

package ai.andy.events.intent.email;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code email.read}: one email, by id or by reference ("the last email from Sarah"). */
public record EmailRead(
        @JsonPropertyDescription("the id from email_list") String messageId,
        @JsonPropertyDescription("when there is no id, which email, e.g. \"the last email from Sarah\"")
        String reference,
        @JsonPropertyDescription("with a reference: the sender, a name or an address") String from,
        @JsonPropertyDescription("with a reference: words in the subject") String query) {
}

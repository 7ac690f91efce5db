package ai.andy.events.intent.email;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code email.update}: read/unread, archive, labels, for emails by id or by reference. */
public record EmailUpdate(
        @JsonPropertyDescription("ids from email_list") List<String> messageIds,
        @JsonPropertyDescription("when there are no ids, which emails, e.g. \"the last email from Bob\"")
        String reference,
        @JsonPropertyDescription("with a reference: the sender, a name or an address") String from,
        @JsonPropertyDescription("with a reference: words in the subject") String query,
        @JsonPropertyDescription("true marks unread, false marks read") Boolean unread,
        @JsonPropertyDescription("true archives") Boolean archive,
        @JsonPropertyDescription("labels to add") List<String> addLabels,
        @JsonPropertyDescription("labels to remove") List<String> removeLabels) {
}

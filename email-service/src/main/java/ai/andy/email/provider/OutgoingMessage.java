package ai.andy.email.provider;

import ai.andy.email.EmailAddress;
import java.util.List;

/**
 * A message to send. {@code inReplyTo} is the provider id of the message being answered, or null; adapters set the
 * thread and the {@code In-Reply-To}/{@code References} headers from it.
 */
public record OutgoingMessage(List<EmailAddress> to, List<EmailAddress> cc, List<EmailAddress> bcc, String subject,
        String body, String inReplyTo) {

    public OutgoingMessage {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
    }
}

package ai.andy.email;

import java.time.Instant;
import java.util.List;

/**
 * What Andy keeps of a message: never the body. {@code labels} are the provider's names (Gmail label ids such as
 * {@code INBOX}, {@code SENT}; Graph folder well-known names in upper case and categories as they are).
 */
public record MessageMetadata(String providerId, String threadId, EmailAddress from, List<EmailAddress> to,
        List<EmailAddress> cc, String subject, String snippet, Instant receivedAt, boolean unread, List<String> labels,
        boolean hasAttachments) {

    public MessageMetadata {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}

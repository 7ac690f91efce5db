package ai.andy.events.payload;

import java.util.List;

/**
 * {@code email.sent}: Andy sent a message for a person. {@code delivered} is false when the local mailbox could not
 * deliver to every recipient (it has no way out to other hosts).
 */
public record EmailSent(String messageId, String accountId, String provider, List<String> to, String subject,
        boolean delivered) {
}

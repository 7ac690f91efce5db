package ai.andy.events.payload;

import java.time.Instant;

/** {@code email.received}: new mail arrived in one of a person's mailboxes (found by sync or delivered locally). */
public record EmailReceived(String messageId, String accountId, String provider, String fromName, String fromAddress,
        String subject, Instant receivedAt) {
}

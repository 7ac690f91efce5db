package ai.andy.email.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ai.andy.email.MailProviderKind;
import ai.andy.email.EmailAddress;

/** A message's metadata as Andy keeps it, with Andy's own id. Never a provider body. */
public record StoredMessage(UUID id, UUID accountId, MailProviderKind provider, String providerId, String threadId,
        EmailAddress from, List<EmailAddress> to, List<EmailAddress> cc, String subject, String snippet,
        Instant receivedAt, boolean unread, List<String> labels, boolean hasAttachments, String deliveryNote,
        boolean demo) {

    public boolean hasLabel(String label) {
        return labels.contains(label);
    }
}

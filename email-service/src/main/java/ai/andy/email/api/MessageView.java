package ai.andy.email.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import ai.andy.email.EmailAddress;
import ai.andy.email.repository.StoredMessage;

/** A message as the API shows it: metadata, plus the body when one message is read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageView(UUID id, UUID accountId, String provider, String threadId, EmailAddress from,
        List<EmailAddress> to, List<EmailAddress> cc, String subject, String snippet, Instant receivedAt,
        boolean unread, List<String> labels, boolean hasAttachments, String deliveryNote, boolean demo, Body body) {

    /** Plain text, and HTML with scripts, event handlers and remote images removed. */
    public record Body(String text, String html) {
    }

    public static MessageView of(StoredMessage m) {
        return of(m, null);
    }

    public static MessageView of(StoredMessage m, Body body) {
        return new MessageView(m.id(), m.accountId(), m.provider().name(), m.threadId(), m.from(), m.to(), m.cc(),
                m.subject(), m.snippet(), m.receivedAt(), m.unread(), m.labels(), m.hasAttachments(),
                m.deliveryNote(), m.demo(), body);
    }
}

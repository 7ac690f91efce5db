package ai.andy.email.service;

import java.time.Instant;
import java.util.UUID;

import ai.andy.email.EmailAddress;
import ai.andy.email.MailProviderKind;
import ai.andy.events.payload.EmailSent;
import ai.andy.events.payload.UsageRecorded;

/** What the mail service announces; messaging/EventPublisher puts it on Kafka. */
public interface MailEvents {

    /** New mail in a person's inbox, found by a sync or delivered by the local mailbox. */
    void newMail(String userId, UUID messageId, UUID accountId, MailProviderKind provider, EmailAddress from,
            String subject, Instant receivedAt);

    void sent(String userId, EmailSent sent);

    void usage(String userId, UsageRecorded usage);
}

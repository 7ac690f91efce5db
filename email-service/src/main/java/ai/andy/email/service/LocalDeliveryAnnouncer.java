package ai.andy.email.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.email.MailProviderKind;
import ai.andy.email.MessageMetadata;
import ai.andy.email.provider.local.LocalDeliveries;

/** Mail delivered between local mailboxes is announced as a provider's sync would announce it. */
@ApplicationScoped
class LocalDeliveryAnnouncer implements LocalDeliveries {
    private final MailEvents events;

    LocalDeliveryAnnouncer(MailEvents events) {
        this.events = events;
    }

    @Override
    public void delivered(String userId, UUID accountId, UUID messageId, MessageMetadata m) {
        events.newMail(userId, messageId, accountId, MailProviderKind.local, m.from(), m.subject(), m.receivedAt());
    }
}

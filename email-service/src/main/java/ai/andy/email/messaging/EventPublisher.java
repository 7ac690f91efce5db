package ai.andy.email.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import ai.andy.email.MailProviderKind;
import ai.andy.email.EmailAddress;
import ai.andy.email.service.MailEvents;
import ai.andy.events.Events;
import ai.andy.events.Topics;
import ai.andy.events.payload.EmailReceived;
import ai.andy.events.payload.EmailSent;
import ai.andy.events.payload.UsageRecorded;
import ai.andy.events.payload.NotifyUser;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * email-service's events, sent straight to Kafka. Not through the outbox: what they report (a provider call, a sync)
 * is not one database transaction, so the outbox could not make them atomic; a lost one costs a notification.
 */
@ApplicationScoped
public class EventPublisher implements MailEvents {
    private final MutinyEmitter<String> kafka;

    EventPublisher(@Channel("email-events") MutinyEmitter<String> kafka) {
        this.kafka = kafka;
    }

    /**
     * New mail in a person's inbox, whether a sync found it or the local mailbox delivered it: {@code email.received}
     * for the other services and {@code notify.user} for their open clients.
     */
    @Override
    public void newMail(String userId, UUID messageId, UUID accountId, MailProviderKind provider, EmailAddress from,
            String subject, Instant receivedAt) {
        publish(Topics.EMAIL_RECEIVED, userId, new EmailReceived(messageId.toString(), accountId.toString(),
                provider.name(), from == null ? null : from.name(), from == null ? null : from.address(), subject,
                receivedAt));
        String sender = from == null ? null : from.name() == null || from.name().isBlank() ? from.address() : from.name();
        publish(Topics.NOTIFY_USER, userId, new NotifyUser("email.received",
                "New mail" + (sender == null ? "" : " from " + sender), subject,
                Map.of("messageId", messageId.toString())));
    }

    @Override
    public void sent(String userId, EmailSent sent) {
        publish(Topics.EMAIL_SENT, userId, sent);
    }

    @Override
    public void usage(String userId, UsageRecorded usage) {
        publish(Topics.USAGE_RECORDED, userId, usage);
    }

    public void publish(String topic, String userId, Object payload) {
        kafka.sendMessage(Events.message("email-service", topic, userId, payload))
                .subscribe().with(ok -> { }, failure -> Log.warnf("could not publish a %s event: %s", topic,
                        failure.getClass().getSimpleName()));
    }
}

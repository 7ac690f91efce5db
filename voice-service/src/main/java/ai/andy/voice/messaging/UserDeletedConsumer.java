package ai.andy.voice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.events.EventConsumer;
import ai.andy.events.payload.UserDeleted;
import ai.andy.voice.service.AccountPurge;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A deleted account: clones deleted at the provider, then consents, cached audio and budgets here. The purge is
 * idempotent (a voice already gone at the provider counts as deleted), so a redelivery does no harm; a provider that
 * is down fails the event, which is retried and then dead-lettered rather than leaving a clone behind unnoticed.
 */
@ApplicationScoped
public class UserDeletedConsumer {
    private final AccountPurge purge;

    UserDeletedConsumer(AccountPurge purge) {
        this.purge = purge;
    }

    @Incoming("user-deleted")
    public Uni<Void> userDeleted(Message<String> record) {
        return EventConsumer.consume(record, UserDeleted.class, event -> Uni.createFrom()
                .item(() -> {
                    purge.forget(event.userId());
                    return true;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .replaceWithVoid());
    }
}

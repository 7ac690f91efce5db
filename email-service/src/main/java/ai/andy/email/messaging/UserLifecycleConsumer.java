package ai.andy.email.messaging;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.email.service.MailAccountService;
import ai.andy.email.service.SyncService;
import ai.andy.events.EventConsumer;
import ai.andy.events.ProcessedEvents;
import ai.andy.events.payload.UserCreated;
import ai.andy.events.payload.UserDeleted;
import io.smallrye.mutiny.Uni;

/**
 * Opens a local mailbox for each new person (its first sync files the demo inbox), and purges everything of a person
 * who deleted their account.
 */
@ApplicationScoped
public class UserLifecycleConsumer {
    private final MailAccountService mailAccounts;
    private final SyncService sync;

    UserLifecycleConsumer(MailAccountService mailAccounts, SyncService sync) {
        this.mailAccounts = mailAccounts;
        this.sync = sync;
    }

    @Incoming("user-created")
    public Uni<Void> userCreated(Message<String> record) {
        return EventConsumer.consume(record, UserCreated.class, event -> {
            AtomicReference<UUID> opened = new AtomicReference<>();
            return ProcessedEvents.applyOnce("email-service/user.created", event,
                    () -> mailAccounts.openLocalMailbox(event.userId(), event.data().email(),
                            event.data().displayName()).invoke(opened::set))
                    .invoke(() -> {
                        if (opened.get() != null) {
                            sync.request(opened.get());
                        }
                    })
                    .replaceWithVoid();
        });
    }

    @Incoming("user-deleted")
    public Uni<Void> userDeleted(Message<String> record) {
        return EventConsumer.consume(record, UserDeleted.class, event -> ProcessedEvents.applyOnce(
                "email-service/user.deleted", event, () -> mailAccounts.forgetUser(event.userId()))
                .replaceWithVoid());
    }
}

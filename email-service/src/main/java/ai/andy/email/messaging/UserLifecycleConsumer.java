package ai.andy.email.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.email.service.MailAccountService;
import ai.andy.events.EventConsumer;
import ai.andy.events.ProcessedEvents;
import ai.andy.events.payload.UserCreated;
import ai.andy.events.payload.UserDeleted;
import io.smallrye.mutiny.Uni;

/** Opens a local mailbox for each new person, and purges everything of a person who deleted their account. */
@ApplicationScoped
public class UserLifecycleConsumer {
    private final MailAccountService mailAccounts;

    UserLifecycleConsumer(MailAccountService mailAccounts) {
        this.mailAccounts = mailAccounts;
    }

    @Incoming("user-created")
    public Uni<Void> userCreated(Message<String> record) {
        return EventConsumer.consume(record, UserCreated.class, event -> ProcessedEvents.applyOnce(
                "email-service/user.created", event,
                () -> mailAccounts.openLocalMailbox(event.userId(), event.data().email(), event.data().displayName()))
                .replaceWithVoid());
    }

    @Incoming("user-deleted")
    public Uni<Void> userDeleted(Message<String> record) {
        return EventConsumer.consume(record, UserDeleted.class, event -> ProcessedEvents.applyOnce(
                "email-service/user.deleted", event, () -> mailAccounts.forgetUser(event.userId()))
                .replaceWithVoid());
    }
}

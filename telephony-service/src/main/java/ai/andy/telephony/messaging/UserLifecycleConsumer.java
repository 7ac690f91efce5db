package ai.andy.telephony.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.events.EventConsumer;
import ai.andy.events.ProcessedEvents;
import ai.andy.events.payload.UserDeleted;
import ai.andy.telephony.service.Purge;
import io.smallrye.mutiny.Uni;

/** Purges a person's lines, texts, calls, voicemails and opt-outs when they delete their account. */
@ApplicationScoped
public class UserLifecycleConsumer {
    private final Purge purge;

    UserLifecycleConsumer(Purge purge) {
        this.purge = purge;
    }

    @Incoming("user-deleted")
    public Uni<Void> userDeleted(Message<String> record) {
        return EventConsumer.consume(record, UserDeleted.class, event -> ProcessedEvents.applyOnce(
                "telephony-service/user.deleted", event, () -> purge.forget(event.userId())).replaceWithVoid());
    }
}

package ai.andy.email.messaging;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.email.MailProviderKind;
import ai.andy.email.service.MailAccountService;
import ai.andy.email.service.SyncService;
import ai.andy.events.EventConsumer;
import ai.andy.events.ProcessedEvents;
import ai.andy.events.payload.ConnectionChanged;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** A Google or Microsoft connection at auth-service becomes (or stops being) a mailbox here. */
@ApplicationScoped
public class ConnectionConsumer {
    private final MailAccountService mailAccounts;
    private final SyncService sync;

    ConnectionConsumer(MailAccountService mailAccounts, SyncService sync) {
        this.mailAccounts = mailAccounts;
        this.sync = sync;
    }

    @Incoming("connection-changed")
    public Uni<Void> connectionChanged(Message<String> record) {
        return EventConsumer.consume(record, ConnectionChanged.class, event -> {
            ConnectionChanged change = event.data();
            MailProviderKind kind = switch (change.provider() == null ? "" : change.provider()) {
                case "google" -> MailProviderKind.gmail;
                case "microsoft" -> MailProviderKind.outlook;
                default -> null;
            };
            if (kind == null) {
                Log.debugf("connection.changed for provider %s has no mailbox", change.provider());
                return Uni.createFrom().voidItem();
            }
            UUID connectionId = UUID.fromString(change.connectionId());
            AtomicReference<UUID> toSync = new AtomicReference<>();
            return ProcessedEvents.applyOnce("email-service/connection.changed", event,
                    () -> mailAccounts.connectionChanged(event.userId(), connectionId, kind, change.account(),
                            change.status()).invoke(toSync::set))
                    .invoke(() -> {
                        if (toSync.get() != null) {
                            sync.request(toSync.get());
                        }
                    })
                    .replaceWithVoid();
        });
    }
}

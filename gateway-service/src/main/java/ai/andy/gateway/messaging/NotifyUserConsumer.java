package ai.andy.gateway.messaging;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.events.AndyEvent;
import ai.andy.events.Events;
import ai.andy.events.MalformedEventException;
import ai.andy.events.payload.NotifyUser;
import ai.andy.gateway.ws.UserSockets;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * {@code notify.user} to the person's open WebSockets. Every gateway instance reads every event (its consumer group
 * is unique to the instance, from the latest offset), since the person may be connected to any of them; an instance
 * with no connection for that person simply drops it. Nothing is stored: a client that reconnects gets new events.
 */
@Singleton
public class NotifyUserConsumer {
    private final UserSockets sockets;

    NotifyUserConsumer(UserSockets sockets) {
        this.sockets = sockets;
    }

    @Incoming("notify-user")
    public Uni<Void> notify(Message<String> record) {
        AndyEvent<NotifyUser> event;
        try {
            event = Events.read(record, NotifyUser.class);
        } catch (MalformedEventException e) {
            Log.warnf("dead-lettering a malformed notify.user record: %s", e.getMessage());
            return Uni.createFrom().completionStage(record.nack(e));
        }
        int sent = sockets.deliver(event.userId(), Events.toJson(Frame.of(event)));
        Log.debugf("notification %s sent to %d connection(s)", event.id(), sent);
        return Uni.createFrom().completionStage(record.ack());
    }

    /** The text frame a client receives. Titles and texts are personal data: they are sent, never logged. */
    record Frame(String type, String id, String kind, String title, String text, Map<String, Object> data,
            OffsetDateTime time) {
        static Frame of(AndyEvent<NotifyUser> event) {
            NotifyUser n = event.data();
            return new Frame("notify", event.id(), n.kind(), n.title(), n.text(), n.data(), event.time());
        }
    }
}

package ai.andy.calendar.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.calendar.service.CalendarService;
import ai.andy.events.EventConsumer;
import ai.andy.events.ProcessedEvents;
import ai.andy.events.payload.UserCreated;
import ai.andy.events.payload.UserDeleted;
import io.smallrye.mutiny.Uni;

/**
 * Opens a local calendar and task list (with demo content) for each new person, in their time zone; purges
 * everything of a person who deleted their account.
 */
@ApplicationScoped
public class UserLifecycleConsumer {
    private final CalendarService calendars;

    UserLifecycleConsumer(CalendarService calendars) {
        this.calendars = calendars;
    }

    @Incoming("user-created")
    public Uni<Void> userCreated(Message<String> record) {
        return EventConsumer.consume(record, UserCreated.class, event -> ProcessedEvents.applyOnce(
                "calendar-service/user.created", event,
                () -> calendars.openLocal(event.userId(), event.data().timezone())).replaceWithVoid());
    }

    @Incoming("user-deleted")
    public Uni<Void> userDeleted(Message<String> record) {
        return EventConsumer.consume(record, UserDeleted.class, event -> ProcessedEvents.applyOnce(
                "calendar-service/user.deleted", event, () -> calendars.forgetUser(event.userId())).replaceWithVoid());
    }
}

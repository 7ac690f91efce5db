package ai.andy.chat.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.chat.service.ActionService;
import ai.andy.chat.service.IntentBus;
import ai.andy.events.EventConsumer;
import ai.andy.events.payload.IntentResult;
import io.smallrye.mutiny.Uni;

/**
 * The services' answers to intents ({@code email.fetched}, {@code calendar.fetched}, ...). An answer to a confirmed
 * action is recorded first, so whoever waits for it then reads the action's final state.
 */
@ApplicationScoped
public class IntentResultConsumer {
    private final IntentBus bus;
    private final ActionService actions;

    IntentResultConsumer(IntentBus bus, ActionService actions) {
        this.bus = bus;
        this.actions = actions;
    }

    @Incoming("intent-results")
    public Uni<Void> result(Message<String> record) {
        return EventConsumer.consume(record, IntentResult.class, event -> actions.answered(event.userId(), event.data())
                .invoke(() -> bus.deliver(event.data())));
    }
}

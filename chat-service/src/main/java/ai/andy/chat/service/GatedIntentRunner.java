package ai.andy.chat.service;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import ai.andy.chat.PendingActionView;
import ai.andy.chat.assistant.IntentOutcome;
import ai.andy.chat.assistant.IntentRunner;
import ai.andy.chat.intent.Intent;
import ai.andy.chat.repository.PendingActionStore;
import ai.andy.chat.service.ActionSummaries;
import ai.andy.chat.service.ConfirmationPolicy;
import ai.andy.chat.service.IntentBus;
import ai.andy.events.intent.IntentDecoder;
import ai.andy.events.intent.IntentSpec;
import ai.andy.events.intent.Intents;
import ai.andy.events.intent.InvalidIntentException;
import ai.andy.events.payload.ChatIntent;
import ai.andy.events.payload.IntentResult;

/**
 * The confirmation gate in front of the bus, for one turn. Whoever proposed the intent (the model or the offline
 * engine), a side-effecting one only becomes a pending action with a plain summary; the person's confirmation, and
 * nothing else, later releases it. Read-only intents go to their service and the turn waits for the answer.
 */
final class GatedIntentRunner implements IntentRunner {
    private final String userId;
    private final UUID conversationId;
    private final ZoneId zone;
    private final IntentBus bus;
    private final PendingActionStore actions;
    private final Duration timeout;
    private final Duration actionTtl;

    GatedIntentRunner(String userId, UUID conversationId, ZoneId zone, IntentBus bus, PendingActionStore actions,
            Duration timeout, Duration actionTtl) {
        this.userId = userId;
        this.conversationId = conversationId;
        this.zone = zone;
        this.bus = bus;
        this.actions = actions;
        this.timeout = timeout;
        this.actionTtl = actionTtl;
    }

    @Override
    public IntentOutcome run(Intent intent) {
        String service = IntentBus.owner(intent.name());
        Optional<IntentSpec<?, ?>> spec = Intents.find(intent.name());
        if (spec.isEmpty()) {
            return new IntentOutcome(intent.name(), "rejected", null, "Andy does not know the request '"
                    + intent.name() + "'.", service, null);
        }
        Object decoded;
        try {
            // The owning service decodes the same record: what it would reject is answered here, field by field.
            decoded = IntentDecoder.decode(intent.params(), spec.get().params());
        } catch (InvalidIntentException e) {
            return new IntentOutcome(intent.name(), "rejected", null, e.getMessage(), service, null);
        }
        if (ConfirmationPolicy.needsConfirmation(spec.get(), decoded)) {
            Optional<String> missing = ActionSummaries.missing(intent);
            if (missing.isPresent()) {
                return new IntentOutcome(intent.name(), "rejected", null, missing.get(), service, null);
            }
            PendingActionView pending = actions.create(userId, conversationId, intent.name(), intent.params(),
                    ActionSummaries.summary(intent, zone), actionTtl).await().atMost(Duration.ofSeconds(10));
            return new IntentOutcome(intent.name(), "pending", null, null, service, pending);
        }
        ChatIntent request = new ChatIntent(UUID.randomUUID().toString(), conversationId.toString(), intent.name(),
                intent.params());
        try {
            IntentResult result = bus.send(userId, request, timeout).get();
            return new IntentOutcome(intent.name(), result.status(), result.result(), result.error(), service, null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                return new IntentOutcome(intent.name(), "timeout", null, "I could not reach "
                        + IntentBus.area(intent.name()) + " in time (" + timeout.toSeconds() + " s), so I could not "
                        + "finish this. Nothing was changed; try again in a moment.", service, null);
            }
            return new IntentOutcome(intent.name(), "failed", null, "I could not reach "
                    + IntentBus.area(intent.name()) + " just now; nothing was changed.", service, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IntentOutcome(intent.name(), "failed", null, "The turn was interrupted; nothing was changed.",
                    service, null);
        }
    }
}

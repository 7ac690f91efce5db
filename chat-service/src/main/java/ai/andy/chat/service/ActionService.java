package ai.andy.chat.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.chat.PendingActionView;
import ai.andy.chat.client.PersonProfiles;
import ai.andy.chat.config.ChatConfig;
import ai.andy.chat.repository.ConversationStore;
import ai.andy.chat.repository.PendingActionStore;
import ai.andy.chat.service.IntentBus;
import ai.andy.chat.service.TurnMirror;
import ai.andy.events.payload.IntentResult;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The person's decisions on pending actions. Confirming releases the intent exactly once (a conditional update and
 * the outbox, in one transaction) and waits a while for the owning service's answer; the answer is recorded on the
 * action and said in the conversation whenever it comes, even after the wait gave up.
 */
@ApplicationScoped
public class ActionService {
    private final PendingActionStore actions;
    private final ConversationStore conversations;
    private final IntentBus bus;
    private final TurnMirror mirror;
    private final PersonProfiles profiles;
    private final Duration wait;

    ActionService(PendingActionStore actions, ConversationStore conversations, IntentBus bus, TurnMirror mirror,
            PersonProfiles profiles, ChatConfig config) {
        this.actions = actions;
        this.conversations = conversations;
        this.bus = bus;
        this.mirror = mirror;
        this.profiles = profiles;
        // The outbox relay publishes within about a second of the commit.
        this.wait = config.intentTimeout().plusSeconds(2);
    }

    /** The person's actions, newest first; {@code status} filters (null: all). */
    public Uni<List<PendingActionView>> list(String userId, String status, int limit) {
        return actions.list(userId, status, limit);
    }

    public Uni<Optional<PendingActionView>> find(String userId, UUID id) {
        return actions.find(userId, id);
    }

    public Uni<PendingActionView> confirm(String userId, UUID id) {
        CompletableFuture<IntentResult> answer = bus.awaitAnswer(id.toString(), wait);
        return actions.confirm(userId, id).chain(confirmed -> {
            if (confirmed.isEmpty()) {
                // Not ours to release (a double click, or already decided); the winner's wait stays as it is.
                return whyNot(userId, id);
            }
            mirror.actionChanged(userId, confirmed.get());
            return Uni.createFrom().completionStage(answer)
                    .onFailure().recoverWithNull()
                    .chain(() -> actions.find(userId, id))
                    .map(found -> found.orElse(confirmed.get()));
        });
    }

    public Uni<PendingActionView> reject(String userId, UUID id) {
        return actions.reject(userId, id).chain(rejected -> {
            if (rejected.isEmpty()) {
                return whyNot(userId, id);
            }
            mirror.actionChanged(userId, rejected.get());
            return Uni.createFrom().item(rejected.get());
        });
    }

    /**
     * Records the owning service's answer to a confirmed action (every chat instance sees every answer; the update
     * only succeeds once) and tells the person in the conversation.
     */
    public Uni<Void> answered(String userId, IntentResult result) {
        if (!ConfirmationPolicy.mayNeedConfirmation(result.intent())) {
            return Uni.createFrom().voidItem();
        }
        UUID id;
        try {
            id = UUID.fromString(result.requestId());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().voidItem();
        }
        return actions.find(userId, id).chain(found -> {
            if (found.isEmpty() || !"confirmed".equals(found.get().status())) {
                return Uni.createFrom().voidItem();
            }
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("status", result.status());
            outcome.put("error", result.error());
            outcome.put("result", result.result());
            String status = "ok".equals(result.status()) ? "executed" : "failed";
            return actions.complete(found.get(), status, outcome).invoke(recorded -> recorded.ifPresent(done -> {
                mirror.actionChanged(userId, done);
                // Said in the background: the consumer must not wait on auth-service or the database for this.
                say(userId, done, "executed".equals(status) ? "Done: " + done.summary()
                        : "That did not go through (" + done.summary() + "): " + (result.error() == null
                                ? "the service gave no reason." : result.error()))
                        .subscribe().with(ok -> { }, failure -> { });
            })).replaceWithVoid();
        });
    }

    private Uni<Void> say(String userId, PendingActionView action, String text) {
        if (action.conversationId() == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> profiles.of(userId).retention())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(retention -> conversations.append(userId, action.conversationId(), "assistant", text,
                        retention))
                .onFailure().invoke(e -> Log.warnf("could not note an action's outcome in its conversation: %s",
                        e.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<PendingActionView> whyNot(String userId, UUID id) {
        return actions.find(userId, id).map(found -> {
            PendingActionView action = found.orElseThrow(
                    () -> ProblemException.notFound("There is no action " + id + "."));
            throw ProblemException.conflict(switch (action.status()) {
                case "expired" -> "This action expired at " + action.expiresAt()
                        + " and can no longer be confirmed; ask again to prepare a new one.";
                case "rejected" -> "This action was rejected; ask again to prepare a new one.";
                default -> "This action was already confirmed (it is " + action.status()
                        + "); it runs only once.";
            });
        });
    }
}

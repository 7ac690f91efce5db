package ai.andy.chat.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.chat.config.ChatConfig;
import ai.andy.chat.repository.ConversationStore;
import ai.andy.chat.repository.PendingActionStore;
import ai.andy.chat.repository.TurnRequests;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Keeps chat history no longer than each person's retention period, and pending actions no longer than a day after
 * they lapsed. Whole months go by dropping their partition; the month expiring now is deleted row by row.
 */
@ApplicationScoped
public class RetentionJob {
    private final ConversationStore conversations;
    private final PendingActionStore actions;
    private final TurnRequests turnRequests;
    private final Duration keepActions;

    RetentionJob(ConversationStore conversations, PendingActionStore actions, TurnRequests turnRequests,
            ChatConfig config) {
        this.conversations = conversations;
        this.actions = actions;
        this.turnRequests = turnRequests;
        this.keepActions = config.keepDecidedActions();
    }

    @Scheduled(every = "${andy.chat.retention-interval:15m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        return conversations.purgeExpired()
                .invoke(deleted -> Log.debugf("retention deleted %d expired chat messages", deleted))
                .chain(() -> actions.housekeeping(keepActions))
                .chain(() -> turnRequests.forgetOlderThan(Duration.ofDays(1)))
                .onFailure().invoke(e -> Log.warnf("chat retention did not finish: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}

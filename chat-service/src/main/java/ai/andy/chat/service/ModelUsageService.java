package ai.andy.chat.service;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.chat.assistant.llm.ModelUsage;
import ai.andy.chat.repository.ModelTokenCounts;
import ai.andy.events.Topics;
import ai.andy.events.payload.UsageRecorded;
import io.quarkus.logging.Log;

/**
 * Each person's model tokens of the UTC day, counted in Redis so that every chat instance holds them to one budget,
 * and every call's counts and cost published on {@code usage.recorded} for auth-service's budgets. Redis holds only
 * short-lived counters: when it is down, calls are allowed (fail open) rather than stopping every chat.
 */
@ApplicationScoped
public class ModelUsageService implements ModelUsage {
    private final ModelTokenCounts counts;
    private final EventPublisher events;

    ModelUsageService(ModelTokenCounts counts, EventPublisher events) {
        this.counts = counts;
        this.events = events;
    }

    @Override
    public long tokensToday(String userId) {
        try {
            return counts.today(userId);
        } catch (RuntimeException e) {
            Log.warnf("could not read model usage from Redis; not limiting this call: %s", e.getClass().getSimpleName());
            return 0;
        }
    }

    @Override
    public void record(String userId, String model, int inputTokens, int outputTokens, int cachedTokens,
            BigDecimal cost) {
        long tokens = (long) inputTokens + outputTokens;
        // Counted without holding up the turn: the next budget check is at least one model call away.
        counts.add(userId, tokens).subscribe().with(ok -> { }, failure -> Log.warnf(
                "could not count model usage in Redis: %s", failure.getClass().getSimpleName()));
        events.publish(Topics.USAGE_RECORDED, userId, new UsageRecorded("chat-service", "llm:" + model,
                "chat.completion", tokens, cost));
    }
}

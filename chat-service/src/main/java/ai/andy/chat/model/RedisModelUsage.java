package ai.andy.chat.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.chat.messaging.ChatEvents;
import ai.andy.events.Topics;
import ai.andy.events.payload.UsageRecorded;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;

/**
 * Each person's model tokens of the UTC day, counted in Redis so that every chat instance holds them to one budget,
 * and every call's counts and cost published on {@code usage.recorded} for auth-service's budgets. Redis holds only
 * short-lived counters: when it is down, calls are allowed (fail open) rather than stopping every chat.
 */
@ApplicationScoped
public class RedisModelUsage implements ModelUsage {
    private static final Duration KEEP = Duration.ofDays(2);

    private final ValueCommands<String, Long> counters;
    private final ReactiveRedisDataSource redis;
    private final ChatEvents events;

    RedisModelUsage(RedisDataSource blocking, ReactiveRedisDataSource redis, ChatEvents events) {
        this.counters = blocking.value(Long.class);
        this.redis = redis;
        this.events = events;
    }

    @Override
    public long tokensToday(String userId) {
        try {
            Long used = counters.get(key(userId));
            return used == null ? 0 : used;
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
        String key = key(userId);
        redis.value(Long.class).incrby(key, tokens)
                .chain(() -> redis.key().expire(key, KEEP))
                .subscribe().with(ok -> { }, failure -> Log.warnf("could not count model usage in Redis: %s",
                        failure.getClass().getSimpleName()));
        events.publish(Topics.USAGE_RECORDED, userId, new UsageRecorded("chat-service", "llm:" + model,
                "chat.completion", tokens, cost));
    }

    private static String key(String userId) {
        return "andy:chat:model-tokens:" + userId + ":" + LocalDate.now(ZoneOffset.UTC);
    }
}

package ai.andy.chat.repository;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * Each person's language-model tokens of the UTC day, as short-lived Redis counters, so that every chat instance holds
 * them to one budget. A counter outlives its day by one more, then Redis forgets it.
 */
@ApplicationScoped
public class ModelTokenCounts {
    private static final Duration KEEP = Duration.ofDays(2);

    private final ValueCommands<String, Long> counters;
    private final ReactiveRedisDataSource redis;

    ModelTokenCounts(RedisDataSource blocking, ReactiveRedisDataSource redis) {
        this.counters = blocking.value(Long.class);
        this.redis = redis;
    }

    /** Tokens counted today (UTC); blocking, call from a worker thread. */
    public long today(String userId) {
        Long used = counters.get(key(userId));
        return used == null ? 0 : used;
    }

    /** Adds to today's count without blocking. */
    public Uni<Void> add(String userId, long tokens) {
        String key = key(userId);
        return redis.value(Long.class).incrby(key, tokens).chain(() -> redis.key().expire(key, KEEP)).replaceWithVoid();
    }

    private static String key(String userId) {
        return "andy:chat:model-tokens:" + userId + ":" + LocalDate.now(ZoneOffset.UTC);
    }
}

package ai.andy.email.provider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.email.messaging.EventPublisher;
import ai.andy.events.Topics;
import ai.andy.events.payload.UsageRecorded;
import io.quarkus.scheduler.Scheduled;

/**
 * Counts provider calls and quota units per person and publishes them as {@code usage.recorded}, summed over a few
 * seconds: a full Gmail sync makes thousands of calls, and one event each would swamp the topic for no gain.
 * Adapters call {@link #record} once per request (a batch counts each of its parts' units).
 */
@ApplicationScoped
public class UsageMeter {
    private record Key(String userId, String provider, String operation) {
    }

    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
    private final EventPublisher events;

    UsageMeter(EventPublisher events) {
        this.events = events;
    }

    public void record(String userId, String provider, String operation, long units) {
        pending.computeIfAbsent(new Key(userId, provider, operation), key -> new LongAdder()).add(units);
    }

    @Scheduled(every = "${andy.usage.flush-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
                skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void flush() {
        for (Key key : pending.keySet()) {
            LongAdder adder = pending.remove(key);
            long units = adder == null ? 0 : adder.sumThenReset();
            if (units > 0) {
                events.publish(Topics.USAGE_RECORDED, key.userId(),
                        new UsageRecorded("email-service", key.provider(), key.operation(), units, null));
            }
        }
    }
}

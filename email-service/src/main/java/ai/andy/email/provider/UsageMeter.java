package ai.andy.email.provider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts provider calls and quota units per person, to be reported summed over a few seconds: a full Gmail sync makes
 * thousands of calls, and one event each would swamp the topic for no gain. Adapters call {@link #record} once per
 * request (a batch counts each of its parts' units).
 */
@ApplicationScoped
public class UsageMeter {
    private record Key(String userId, String provider, String operation) {
    }

    /** Receives one person's summed units for one operation. */
    @FunctionalInterface
    public interface Sink {
        void units(String userId, String provider, String operation, long units);
    }

    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();

    public void record(String userId, String provider, String operation, long units) {
        pending.computeIfAbsent(new Key(userId, provider, operation), key -> new LongAdder()).add(units);
    }

    /** Hands over and forgets everything counted so far. */
    public void drain(Sink sink) {
        for (Key key : pending.keySet()) {
            LongAdder adder = pending.remove(key);
            long units = adder == null ? 0 : adder.sumThenReset();
            if (units > 0) {
                sink.units(key.userId(), key.provider(), key.operation(), units);
            }
        }
    }
}

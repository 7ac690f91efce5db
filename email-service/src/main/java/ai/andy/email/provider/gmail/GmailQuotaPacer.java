package ai.andy.email.provider.gmail;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.andy.email.ProviderException;
import ai.andy.email.config.EmailConfig;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * Keeps each person's Gmail traffic under {@code andy.email.gmail.quota-units-per-second} quota units in any one-second
 * window, across every email-service instance. Gmail enforces 250 units per user per second; staying below it by
 * waiting beforehand means a large sync never meets a 429 at all, instead of meeting many and backing off.
 * <p>
 * A sliding-window log in Redis (one sorted set per person, scored by Redis' own clock so instances need not agree on
 * time): a request may go when the units sent in the last second plus its own fit the budget; otherwise the script
 * says how long until enough of the oldest entries leave the window, and the caller sleeps that long.
 */
@ApplicationScoped
public class GmailQuotaPacer {
    private static final Logger LOG = Logger.getLogger(GmailQuotaPacer.class);
    private static final String KEY_PREFIX = "andy:gmail:quota:";
    private static final long WINDOW_MICROS = 1_000_000;

    // KEYS[1] the person's log; ARGV: limit, units, unique member id, window (µs). Returns ms to wait, 0 = granted.
    private static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local window = tonumber(ARGV[4])
            local limit = tonumber(ARGV[1])
            local units = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local entries = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
            local used = 0
            for i = 1, #entries, 2 do
              used = used + tonumber(string.match(entries[i], '^(%d+):'))
            end
            if used + units <= limit then
              redis.call('ZADD', KEYS[1], now, units .. ':' .. ARGV[3])
              redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000) + 1000)
              return 0
            end
            local excess = used + units - limit
            for i = 1, #entries, 2 do
              excess = excess - tonumber(string.match(entries[i], '^(%d+):'))
              if excess <= 0 then
                return math.floor((tonumber(entries[i + 1]) + window - now) / 1000) + 1
              end
            end
            return 1
            """;

    private final RedisDataSource redis;
    private final int unitsPerSecond;
    private final AtomicBoolean unpaced = new AtomicBoolean();

    GmailQuotaPacer(RedisDataSource redis, EmailConfig config) {
        this.redis = redis;
        this.unitsPerSecond = config.gmail().quotaUnitsPerSecond();
    }

    public int unitsPerSecond() {
        return unitsPerSecond;
    }

    /** Blocks until {@code units} more quota units may be spent for this person in the current second. */
    public void acquire(String userId, int units) {
        // A request bigger than the whole budget could never fit; it waits for an otherwise empty window instead.
        int cost = Math.min(units, unitsPerSecond);
        String member = UUID.randomUUID().toString();
        while (true) {
            long waitMillis;
            try {
                waitMillis = redis.execute("EVAL", SCRIPT, "1", KEY_PREFIX + userId, String.valueOf(unitsPerSecond),
                        String.valueOf(cost), member, String.valueOf(WINDOW_MICROS)).toLong();
            } catch (RuntimeException redisDown) {
                // Without Redis there is no shared budget. Going ahead is safe: Gmail's own 429s are still retried
                // with backoff, only less smoothly. Said once per outage, not once per request.
                if (unpaced.compareAndSet(false, true)) {
                    LOG.warnf("Gmail quota pacing unavailable, sending unpaced: %s",
                            redisDown.getClass().getSimpleName());
                }
                return;
            }
            if (unpaced.compareAndSet(true, false)) {
                LOG.info("Gmail quota pacing available again");
            }
            if (waitMillis <= 0) {
                return;
            }
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ProviderException("gmail", ProviderException.Kind.UNAVAILABLE,
                        "interrupted while waiting for Gmail quota", interrupted);
            }
        }
    }
}

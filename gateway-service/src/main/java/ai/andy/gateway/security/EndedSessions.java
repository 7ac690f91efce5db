package ai.andy.gateway.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ai.andy.gateway.config.AuthConfig;
import ai.andy.gateway.ratelimit.LoopLocalRedis;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/**
 * Sign-ins that have ended (logout, or a refresh token presented twice): auth-service lists each in Redis as
 * {@code andy:session-revoked:<sid>} for as long as its access tokens could live, and the gateway refuses those
 * tokens. Each answer is remembered for {@code andy.auth.revocation-check-every} (2 s), so a busy session costs one
 * Redis {@code EXISTS} per instance every 2 s, and a revoked one stops working within about that long.
 * <p>
 * Fails open, like the rate limits: if Redis does not answer in time the token is accepted (it still expires within
 * 15 minutes) and a warning is logged at most once a minute; Redis trouble must not sign everyone out.
 */
@Singleton
public class EndedSessions {
    static final String KEY_PREFIX = "andy:session-revoked:";

    private final LoopLocalRedis redis;
    private final Cache<String, Boolean> recent;
    private final long timeoutMs;
    private volatile long lastWarning;

    EndedSessions(LoopLocalRedis redis, AuthConfig config) {
        this.redis = redis;
        this.timeoutMs = config.revocationRedisTimeout().toMillis();
        Duration every = config.revocationCheckEvery();
        this.recent = Caffeine.newBuilder().maximumSize(config.verifiedTokenCacheSize())
                .expireAfterWrite(every.isZero() ? Duration.ofNanos(1) : every).build();
    }

    /** Whether the sign-in has ended; false for tokens that name none. */
    Future<Boolean> ended(String sessionId) {
        if (sessionId == null) {
            return Future.succeededFuture(false);
        }
        Boolean known = recent.getIfPresent(sessionId);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return redis.send(Request.cmd(Command.EXISTS).arg(KEY_PREFIX + sessionId))
                .timeout(timeoutMs, TimeUnit.MILLISECONDS)
                .map(reply -> {
                    boolean ended = reply.toInteger() == 1;
                    recent.put(sessionId, ended);
                    return ended;
                })
                .otherwise(this::failOpen);
    }

    private boolean failOpen(Throwable failure) {
        long now = System.nanoTime();
        if (now - lastWarning > TimeUnit.MINUTES.toNanos(1)) {
            lastWarning = now;
            Log.warnf("ended sign-ins are not checked: Redis did not answer (%s)", failure.toString());
        }
        return false;
    }
}

package ai.andy.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import ai.andy.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Token buckets in Redis, shared by every gateway instance: one per signed-in person and one per client IP address.
 * <p>
 * Limits fail open: Redis holds no user data and its loss must not take the whole API down with it, so when it does
 * not answer within {@code andy.gateway.rate-limit.redis-timeout} the request goes through (and a warning is logged,
 * at most once a minute).
 */
@Singleton
public class RateLimiter {
    private static final String SCRIPT = load("/ratelimit/token-bucket.lua");
    private static final String SHA = sha1(SCRIPT);

    private final LoopLocalRedis redis;
    private final GatewayConfig.RateLimit config;
    private volatile long lastWarning;

    RateLimiter(LoopLocalRedis redis, GatewayConfig config) {
        this.redis = redis;
        this.config = config.rateLimit();
    }

    /** Takes a token from the person's bucket. */
    public Future<Decision> forUser(String userId) {
        return take("andy:rl:user:" + userId, config.user());
    }

    /** Takes a token from the client address's bucket. */
    public Future<Decision> forAddress(String address) {
        return take("andy:rl:ip:" + address, config.ip());
    }

    private Future<Decision> take(String key, GatewayConfig.Bucket bucket) {
        if (!config.enabled()) {
            return Future.succeededFuture(Decision.UNLIMITED);
        }
        String capacity = String.valueOf(bucket.capacity());
        String rate = String.valueOf(bucket.refillPerSecond());
        return redis.send(Request.cmd(Command.EVALSHA).arg(SHA).arg(1).arg(key).arg(capacity).arg(rate))
                .recover(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")
                        // First use on this Redis (or after a restart or SCRIPT FLUSH): send the script itself once.
                        ? redis.send(Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg(key).arg(capacity).arg(rate))
                        : Future.failedFuture(e))
                .timeout(config.redisTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .map(reply -> decision(reply, bucket.capacity()))
                .otherwise(this::failOpen);
    }

    private static Decision decision(Response reply, int capacity) {
        long retryMs = reply.get(2).toLong();
        long fullMs = reply.get(3).toLong();
        return new Decision(reply.get(0).toLong() == 1, capacity, reply.get(1).toLong(), ceilSeconds(fullMs),
                retryMs == 0 ? 0 : Math.max(1, ceilSeconds(retryMs)));
    }

    private Decision failOpen(Throwable failure) {
        long now = System.nanoTime();
        if (now - lastWarning > TimeUnit.MINUTES.toNanos(1)) {
            lastWarning = now;
            Log.warnf("rate limits are not applied: Redis did not answer (%s)", failure.toString());
        }
        return Decision.UNLIMITED;
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }

    private static String load(String resource) {
        try (InputStream in = RateLimiter.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package ai.andy.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Redis for the rate limiter: one pipelined connection per event loop, opened from that loop so its replies arrive on
 * the thread that asked. With a shared pool a reply would usually come in on another event loop and be handed back
 * across threads, and on every request that hop cost more CPU than the rest of the Redis call (measured with
 * bench/gateway). Callers off an event loop share the pool. Used by the rate limiter and the sign-in deny-list.
 */
@Singleton
public class LoopLocalRedis {
    private static final long RECONNECT_AFTER_MS = 1000;

    private final Vertx vertx;
    private final Redis client;
    private final Map<Thread, Future<RedisConnection>> byLoop = new ConcurrentHashMap<>();

    LoopLocalRedis(Vertx vertx, @ConfigProperty(name = "quarkus.redis.hosts") String hosts) {
        this.vertx = vertx;
        this.client = Redis.createClient(vertx, new RedisOptions().setConnectionString(hosts.split(",")[0].trim())
                .setMaxPoolSize(32).setMaxPoolWaiting(256).setMaxWaitingHandlers(4096));
    }

    public Future<Response> send(Request request) {
        if (Vertx.currentContext() == null || !Context.isOnEventLoopThread()) {
            return client.send(request);
        }
        Thread loop = Thread.currentThread();
        return byLoop.computeIfAbsent(loop, this::connect).compose(connection -> connection.send(request));
    }

    private Future<RedisConnection> connect(Thread loop) {
        Future<RedisConnection> connecting = client.connect();
        connecting.onSuccess(connection -> {
            connection.exceptionHandler(e -> byLoop.remove(loop, connecting));
            connection.endHandler(v -> byLoop.remove(loop, connecting));
        });
        // Redis down: requests fail fast (and go through unlimited) until the next attempt a second later.
        connecting.onFailure(e -> vertx.setTimer(RECONNECT_AFTER_MS, id -> byLoop.remove(loop, connecting)));
        return connecting;
    }

    void close(@Observes ShutdownEvent stopping) {
        client.close();
    }
}

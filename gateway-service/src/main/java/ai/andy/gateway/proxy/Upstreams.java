package ai.andy.gateway.proxy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import ai.andy.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.impl.CircuitBreakerImpl;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * The route table, built once from {@code andy.gateway.routes}: each service with its client and circuit breaker,
 * and the path prefixes that lead to it, longest first.
 */
@Singleton
public class Upstreams {
    private final Map<String, Upstream> byKey = new LinkedHashMap<>();
    private final List<Prefix> prefixes = new ArrayList<>();

    Upstreams(Vertx vertx, GatewayConfig config) {
        config.routes().forEach((key, route) -> {
            Upstream upstream = new Upstream(key, route.service(), route.url(), route.timeout(),
                    route.honoursIdempotencyKeys(), client(vertx, route, config.upstream()),
                    breaker(vertx, route.service(), config.circuitBreaker()));
            byKey.put(key, upstream);
            for (String path : route.paths()) {
                prefixes.add(new Prefix(checked(path), upstream));
            }
        });
        prefixes.sort(Comparator.comparingInt((Prefix p) -> p.path().length()).reversed());
    }

    /** The route a path falls under, or {@code null} when the gateway does not route it. */
    public Prefix route(String path) {
        for (Prefix prefix : prefixes) {
            if (prefix.covers(path)) {
                return prefix;
            }
        }
        return null;
    }

    public Upstream byKey(String key) {
        return byKey.get(key);
    }

    public Collection<Upstream> all() {
        return byKey.values();
    }

    /** Closes every breaker again; for tests, which must not inherit another test's open breaker. */
    public void resetBreakers() {
        // The interface's reset() leaves an open breaker open until its trial; only the forced reset closes it.
        byKey.values().forEach(u -> {
            if (u.breaker() instanceof CircuitBreakerImpl breaker) {
                breaker.reset(true);
            } else {
                u.breaker().reset();
            }
        });
    }

    void close(@Observes ShutdownEvent stopping) {
        byKey.values().forEach(u -> {
            u.breaker().close();
            u.client().close();
        });
    }

    private static HttpClient client(Vertx vertx, GatewayConfig.Route route, GatewayConfig.Upstream settings) {
        HttpClientOptions options = new HttpClientOptions()
                .setSsl("https".equalsIgnoreCase(route.url().getScheme()))
                .setKeepAlive(true)
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                // The gateway forwards bytes as they come: no decompression, no re-encoding.
                .setDecompressionSupported(false);
        return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(settings.poolSize()));
    }

    private static CircuitBreaker breaker(Vertx vertx, String service, GatewayConfig.Breaker settings) {
        CircuitBreakerOptions options = new CircuitBreakerOptions()
                .setMaxFailures(settings.maxFailures())
                .setFailuresRollingWindow(settings.failureWindow().toMillis())
                .setResetTimeout(settings.resetAfter().toMillis())
                .setTimeout(-1) // timeouts are per route and measured by the proxy itself
                .setNotificationAddress(null); // no event-bus chatter on every call
        CircuitBreaker breaker = CircuitBreaker.create(service, vertx, options);
        breaker.openHandler(v -> Log.warnf("circuit breaker for %s is open", service));
        breaker.closeHandler(v -> Log.infof("circuit breaker for %s is closed", service));
        // Only failures of the service count (connection refused or reset, timeouts): a client that hangs up or
        // sends too large a body says nothing about the service's health.
        breaker.failurePolicy(result -> result.failed() && !(result.cause() instanceof ClientGone));
        return breaker;
    }

    /** Route prefixes are plain paths; the services' own {@code /internal} and {@code /q} are never routed. */
    private static String checked(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!p.startsWith("/") || p.isEmpty() || p.equals("/internal") || p.startsWith("/internal/")
                || p.equals("/q") || p.startsWith("/q/") || p.contains("*")) {
            throw new IllegalArgumentException("route prefix '" + path + "' is not allowed");
        }
        return p;
    }

    /** One path prefix of the route table and the service it leads to. */
    public record Prefix(String path, Upstream upstream) {
        boolean covers(String requestPath) {
            return requestPath.startsWith(path)
                    && (requestPath.length() == path.length() || requestPath.charAt(path.length()) == '/');
        }
    }
}

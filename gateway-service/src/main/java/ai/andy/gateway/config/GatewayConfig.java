package ai.andy.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's own settings: the route table and what is applied to every routed request. */
@ConfigMapping(prefix = "andy.gateway")
public interface GatewayConfig {

    /** Where people reach Andy (ANDY_PUBLIC_URL); https there turns on Strict-Transport-Security. */
    @WithDefault("http://localhost:8080")
    URI publicUrl();

    /** The route table, one entry per upstream service, keyed by a short name ({@code auth}, {@code chat}, ...). */
    Map<String, Route> routes();

    /**
     * Requests that need no access token, each {@code METHOD /path}; a path ending in {@code /**} covers everything
     * below it, and {@code *} as the method covers every method.
     */
    List<String> publicRoutes();

    /**
     * Addresses or CIDR blocks of the proxies in front of the gateway (ANDY_TRUSTED_PROXIES). Only a connection from
     * one of them may tell the client's address, scheme and host in {@code X-Forwarded-*}/{@code Forwarded}; from
     * anyone else those headers are replaced by what the gateway saw. Empty (the default): nobody is trusted.
     */
    Optional<List<String>> trustedProxies();

    /** The largest request body forwarded to a service; a larger one is refused with 413. */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /** Limits on the request line and headers, answered with 414 and 431 in problem+json. */
    Limits limits();

    /** Connection settings shared by every upstream. */
    Upstream upstream();

    /** The circuit breaker each upstream gets. */
    Breaker circuitBreaker();

    /** Token buckets in Redis. */
    RateLimit rateLimit();

    /** The {@code /ws} live-notification socket. */
    Ws ws();

    interface Route {
        /** The service's name as people and operators see it, e.g. {@code email-service}. */
        String service();

        /** Base URL of the service, e.g. {@code http://localhost:8083}. */
        URI url();

        /** Path prefixes routed to the service; {@code /api/me} matches {@code /api/me} and {@code /api/me/...}. */
        List<String> paths();

        /** How long to wait for the service's response headers once the request is sent (streams may last longer). */
        @WithDefault("10s")
        Duration timeout();

        /**
         * Whether the service carries out a change sent again with the same {@code Idempotency-Key} only once. Only
         * then does a timed-out change's 504 tell the client that retrying with the same key is safe.
         */
        @WithDefault("false")
        boolean honoursIdempotencyKeys();
    }

    interface Limits {
        /** The longest path plus query accepted. */
        @WithDefault("8192")
        int maxUriLength();

        /** The largest header block accepted (names, values and separators, in bytes of ASCII). */
        @WithDefault("20480")
        int maxHeaderBytes();
    }

    interface Upstream {
        /** How long to wait for a TCP connection to a service. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** A stream (e.g. server-sent events) silent for this long in either direction is cut. */
        @WithDefault("5m")
        Duration idleTimeout();

        /** Pooled keep-alive connections per service. */
        @WithDefault("64")
        int poolSize();

        /** Timeout for the readiness probe of each service's {@code /q/health/ready}. */
        @WithDefault("1s")
        Duration healthTimeout();

        /** How long a readiness probe result is reused, so frequent health checks do not hammer the services. */
        @WithDefault("5s")
        Duration healthCacheFor();
    }

    interface Breaker {
        /** Failures (connection errors, timeouts) within {@link #failureWindow()} that open the breaker. */
        @WithDefault("5")
        int maxFailures();

        /** The window in which failures are counted. */
        @WithDefault("10s")
        Duration failureWindow();

        /** How long an open breaker refuses calls before letting one trial request through. */
        @WithDefault("10s")
        Duration resetAfter();
    }

    interface RateLimit {
        /** Whether requests are rate-limited at all. */
        @WithDefault("true")
        boolean enabled();

        /** The bucket of each signed-in person, keyed by the user id of their verified token. */
        Bucket user();

        /** The bucket of each client IP address, applied to public routes. */
        Bucket ip();

        /** How long to wait for Redis before letting a request through unlimited (limits fail open). */
        @WithDefault("250ms")
        Duration redisTimeout();
    }

    interface Bucket {
        /** Burst size: requests allowed at once from a full bucket. */
        int capacity();

        /** Sustained rate: tokens added back per second. */
        double refillPerSecond();
    }

    interface Ws {
        /** How long a connection without a bearer subprotocol may take to send its auth message before it is closed. */
        @WithDefault("5s")
        Duration authTimeout();

        /** Cap on open sockets per person, so one account cannot exhaust the gateway. */
        @WithDefault("20")
        int maxConnectionsPerUser();
    }
}

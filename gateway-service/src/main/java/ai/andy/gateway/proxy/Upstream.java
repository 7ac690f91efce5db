package ai.andy.gateway.proxy;

import java.net.URI;
import java.time.Duration;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.http.HttpClient;

/**
 * One service behind the gateway: where it is, the pooled client that talks to it and its circuit breaker.
 *
 * @param key      the route table's key ({@code auth}, {@code email}, ...)
 * @param service  the name people see in errors ({@code email-service})
 * @param url      its base URL
 * @param timeout  how long to wait for its response headers
 * @param honoursIdempotencyKeys whether a change sent again with the same Idempotency-Key is done only once there
 */
public record Upstream(String key, String service, URI url, Duration timeout, boolean honoursIdempotencyKeys,
        HttpClient client, CircuitBreaker breaker) {

    public String host() {
        return url.getHost();
    }

    public int port() {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return ssl() ? 443 : 80;
    }

    public boolean ssl() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    /** The request URI at the service: its base path (usually empty) plus the gateway path, unchanged. */
    public String uri(String pathAndQuery) {
        String base = url.getRawPath() == null ? "" : url.getRawPath();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) + pathAndQuery : base + pathAndQuery;
    }

    /** 503 text: {@code email-service is not answering; try again shortly.} */
    public String notAnswering() {
        return service + " is not answering; try again shortly.";
    }
}

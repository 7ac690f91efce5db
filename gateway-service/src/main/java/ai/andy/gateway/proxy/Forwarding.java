package ai.andy.gateway.proxy;

import java.util.List;

import jakarta.inject.Singleton;

import ai.andy.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Who the client is, and what the services are told about it. A client can write any {@code X-Forwarded-*} or
 * {@code Forwarded} header it likes, so they are believed only when the connection comes from one of
 * {@code andy.gateway.trusted-proxies} (an ingress or load balancer in front of the gateway); otherwise the gateway
 * replaces them with what it saw itself. Per-address rate limits here and auth-service's sign-in throttle both rest
 * on this.
 */
@Singleton
public class Forwarding {
    private static final String KEY = "andy.client-address";

    private final TrustedProxies trusted;

    Forwarding(GatewayConfig config) {
        this.trusted = new TrustedProxies(config.trustedProxies().orElse(List.of()));
        if (trusted.isEmpty() && Boolean.parseBoolean(System.getenv().getOrDefault("ANDY_BEHIND_PROXY", "false"))) {
            Log.warn("ANDY_BEHIND_PROXY is no longer read: list the proxies' addresses in ANDY_TRUSTED_PROXIES (CIDR)"
                    + " so X-Forwarded-For is believed from them only; until then every client is its TCP peer");
        }
    }

    /** The client's address: the TCP peer, or behind trusted proxies the right-most address they did not add. */
    public String client(RoutingContext ctx) {
        String known = ctx.get(KEY);
        if (known != null) {
            return known;
        }
        String client = trusted.client(peer(ctx.request()), ctx.request().headers().getAll("X-Forwarded-For"));
        ctx.put(KEY, client);
        return client;
    }

    /** Sets X-Forwarded-For/-Proto/-Host and Forwarded on a request to a service (the client's were not copied). */
    void apply(RoutingContext ctx, MultiMap headers) {
        HttpServerRequest in = ctx.request();
        String peer = peer(in);
        String proto = in.scheme() == null ? "http" : in.scheme();
        String host = in.authority() == null ? null : in.authority().toString();
        String priorFor = null;
        String priorForwarded = null;
        if (trusted.trusts(peer)) {
            // The proxy in front tells us what it saw: keep its chain and its view of scheme and host.
            priorFor = joined(in.headers().getAll("X-Forwarded-For"));
            priorForwarded = joined(in.headers().getAll("Forwarded"));
            proto = firstOr(in.getHeader("X-Forwarded-Proto"), proto);
            host = firstOr(in.getHeader("X-Forwarded-Host"), host);
        }
        headers.set("X-Forwarded-For", priorFor == null ? peer : priorFor + ", " + peer);
        headers.set("X-Forwarded-Proto", proto);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        String element = "for=" + quotedNode(peer) + ";proto=" + proto + (host == null ? "" : ";host=\"" + host + "\"");
        headers.set("Forwarded", priorForwarded == null ? element : priorForwarded + ", " + element);
    }

    private static String peer(HttpServerRequest in) {
        // The connection's own peer, never the proxy-resolved remoteAddress().
        var address = in.connection() == null ? null : in.connection().remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }

    /** RFC 7239: IPv6 addresses are bracketed and quoted. */
    private static String quotedNode(String address) {
        return address.contains(":") ? "\"[" + address + "]\"" : address;
    }

    private static String joined(List<String> values) {
        List<String> present = values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
        return present.isEmpty() ? null : String.join(", ", present);
    }

    private static String firstOr(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return value.split(",")[0].trim();
    }
}

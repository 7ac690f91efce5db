package ai.andy.gateway.proxy;

import java.util.Set;

import jakarta.inject.Singleton;

import ai.andy.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards one request to its service and streams the answer back, both bodies chunk by chunk as they arrive (so
 * server-sent events flow through live and large uploads are never held in memory), through the service's circuit
 * breaker. The service's failures become problem+json: 503 when it cannot be reached or its breaker is open, 504 when
 * it does not answer in time.
 */
@Singleton
public class Proxy {
    private static final Set<HttpMethod> SIDE_EFFECTING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final long maxBodySize;
    private final long idleTimeoutMs;
    private final long breakerResetSeconds;

    private final Forwarding forwarding;

    Proxy(GatewayConfig config, Forwarding forwarding) {
        this.forwarding = forwarding;
        this.maxBodySize = config.maxBodySize().asLongValue();
        this.idleTimeoutMs = config.upstream().idleTimeout().toMillis();
        this.breakerResetSeconds = Math.max(1, config.circuitBreaker().resetAfter().toSeconds());
    }

    public void forward(RoutingContext ctx, Upstream upstream) {
        HttpServerRequest in = ctx.request();
        long declared = declaredLength(in);
        if (declared == -2) {
            Problems.send(ctx, 400, "Bad request", "The Content-Length header is not a number.");
            return;
        }
        if (declared > maxBodySize) {
            tooLarge(ctx);
            return;
        }
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.uri(pathAndQuery(ctx)))
                .setIdleTimeout(idleTimeoutMs)
                .setHeaders(forwardedHeaders(ctx));
        Exchange exchange = new Exchange(ctx, upstream, declared, maxBodySize);
        upstream.breaker().<HttpClientResponse> execute(promise -> exchange.send(options, promise))
                .onComplete(result -> answer(ctx, upstream, exchange, result));
    }

    private void answer(RoutingContext ctx, Upstream upstream, Exchange exchange, AsyncResult<HttpClientResponse> result) {
        if (result.succeeded()) {
            exchange.relay(result.result());
            return;
        }
        Throwable failure = result.cause();
        if (exchange.bodyTooLarge()) {
            tooLarge(ctx);
        } else if (failure instanceof ClientGone) {
            Log.debugf("client left before %s answered (request %s)", upstream.service(), RequestIds.of(ctx));
        } else if (failure instanceof OpenCircuitException) {
            ctx.response().putHeader("Retry-After", String.valueOf(breakerResetSeconds));
            unavailable(ctx, upstream, 503, "Service unavailable", upstream.notAnswering());
        } else if (failure instanceof UpstreamTimeout) {
            Log.warnf("%s sent no response within %s (request %s)", upstream.service(), upstream.timeout(),
                    RequestIds.of(ctx));
            timedOut(ctx, upstream);
        } else {
            Log.warnf("%s cannot be reached: %s (request %s)", upstream.service(), failure.toString(), RequestIds.of(ctx));
            unavailable(ctx, upstream, 503, "Service unavailable", upstream.notAnswering());
        }
    }

    /**
     * A read that timed out can simply be tried again. A change (POST, PUT, PATCH, DELETE) may still be carried out
     * by the service after the gateway gave up on it, so the answer says the outcome is unknown, and whether sending
     * it again is safe: only with the same Idempotency-Key, and only where the service honours those keys.
     */
    private static void timedOut(RoutingContext ctx, Upstream upstream) {
        String waited = upstream.service() + " did not answer within " + upstream.timeout().toSeconds() + " s";
        if (!SIDE_EFFECTING.contains(ctx.request().method())) {
            unavailable(ctx, upstream, 504, "Gateway timeout", waited + "; try again shortly.");
            return;
        }
        String key = ctx.request().getHeader("Idempotency-Key");
        JsonObject extensions = new JsonObject().put("service", upstream.service()).put("outcome", "unknown");
        String detail = waited + ", so whether your request was carried out is unknown: it may still take effect. ";
        if (key != null && !key.isBlank() && upstream.honoursIdempotencyKeys()) {
            extensions.put("idempotencyKey", key).put("retrySafe", true);
            detail += "Sending it again with the same Idempotency-Key is safe: it will not be carried out twice.";
        } else {
            extensions.put("retrySafe", false);
            detail += "Check whether it took effect before sending it again, or it may be carried out twice.";
        }
        Problems.send(ctx, 504, "Outcome unknown", detail, extensions);
    }

    private static void unavailable(RoutingContext ctx, Upstream upstream, int status, String title, String detail) {
        Problems.send(ctx, status, title, detail, new JsonObject().put("service", upstream.service()));
    }

    private void tooLarge(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        boolean waitingForContinue = "100-continue".equalsIgnoreCase(in.getHeader("Expect")) && !in.isEnded();
        Problems.send(ctx, 413, "Request body too large",
                "The request body is larger than the " + maxBodySize / 1024 + " KiB the gateway accepts.")
                .onComplete(sent -> {
                    if (waitingForContinue && in.version() != HttpVersion.HTTP_2) {
                        // The client holds its body back until told to continue: it never will be, so hang up.
                        in.connection().close();
                    }
                });
        if (!waitingForContinue) {
            discardRest(in);
        }
    }

    /**
     * Reads and drops what is left of a refused body, so the client can read the 413 (closing a socket with unread
     * data makes TCP reset it, and the answer is lost) and the connection stays usable. A client that keeps sending
     * more than another max-body-size is cut off.
     */
    private void discardRest(HttpServerRequest in) {
        if (in.isEnded()) {
            return;
        }
        long[] budget = { maxBodySize };
        in.handler(chunk -> {
            budget[0] -= chunk.length();
            if (budget[0] < 0) {
                in.handler(null);
                in.connection().close();
            }
        });
        in.endHandler(v -> {
        });
        in.exceptionHandler(e -> {
        });
        in.resume();
    }

    private MultiMap forwardedHeaders(RoutingContext ctx) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Headers.copyRequest(ctx.request().headers(), headers);
        forwarding.apply(ctx, headers);
        headers.set(RequestIds.HEADER, RequestIds.of(ctx));
        return headers;
    }

    /** The normalized path (dot segments resolved, as routing saw it) and the query exactly as sent. */
    private static String pathAndQuery(RoutingContext ctx) {
        String query = ctx.request().query();
        return query == null ? ctx.normalizedPath() : ctx.normalizedPath() + "?" + query;
    }

    /** -1 when the request has no Content-Length, -2 when it is not a number. */
    private static long declaredLength(HttpServerRequest in) {
        String value = in.getHeader("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(value.trim());
            return length < 0 ? -2 : length;
        } catch (NumberFormatException e) {
            return -2;
        }
    }
}

package ai.andy.gateway.proxy;

import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import ai.andy.gateway.ratelimit.Decision;
import ai.andy.gateway.ratelimit.RateLimiter;
import ai.andy.gateway.security.AccessTokens;
import ai.andy.gateway.security.InvalidTokenException;
import ai.andy.gateway.security.PublicRoutes;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's request pipeline on Quarkus' router: a request id for everything, then for routed paths the access
 * token (except on public routes), the rate limit, and the proxy. Paths the route table does not know fall through
 * to the gateway's own handlers (health, Swagger UI, the static client, {@code /ws}) and end in a problem+json 404.
 */
@Singleton
public class GatewayRoutes {
    /** Before Quarkus' CORS filter (order -300), so even a refused preflight carries a request id. */
    static final int REQUEST_ID_ORDER = -400;
    /** After CORS, before Quarkus' own body-size check (order -2), which would answer 413 in plain text. */
    static final int PROXY_ORDER = -3;
    /** Where Quarkus' HTTP metrics look for the URI template of a request (as Quarkus REST sets it). */
    private static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";

    private final Upstreams upstreams;
    private final PublicRoutes publicRoutes;
    private final AccessTokens tokens;
    private final RateLimiter limiter;
    private final Proxy proxy;
    private final OpenApiDocs docs;
    private final Forwarding forwarding;

    GatewayRoutes(Upstreams upstreams, PublicRoutes publicRoutes, AccessTokens tokens, RateLimiter limiter, Proxy proxy,
            OpenApiDocs docs, Forwarding forwarding) {
        this.forwarding = forwarding;
        this.upstreams = upstreams;
        this.publicRoutes = publicRoutes;
        this.tokens = tokens;
        this.limiter = limiter;
        this.proxy = proxy;
        this.docs = docs;
    }

    void install(@Observes Router router) {
        router.route().order(REQUEST_ID_ORDER).handler(RequestIds::assign);
        router.route().order(PROXY_ORDER).handler(this::route);
        router.get(OpenApiDocs.PATH + ":service")
                .handler(ctx -> limited(ctx, limiter.forAddress(clientAddress(ctx)), () -> docs.serve(ctx)));
        router.errorHandler(404, Problems::notFound);
        router.errorHandler(405, ctx -> Problems.send(ctx, 405, "Method not allowed",
                "This method is not allowed on " + ctx.request().path() + "."));
        router.errorHandler(500, ctx -> {
            Log.errorf(ctx.failure(), "unexpected error on %s (request %s)", ctx.request().path(), RequestIds.of(ctx));
            Problems.send(ctx, 500, "Internal error",
                    "Something went wrong on our side. Reference: " + RequestIds.of(ctx));
        });
    }

    private void route(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Upstreams.Prefix route = upstreams.route(path);
        if (route == null) {
            ctx.next();
            return;
        }
        Upstream upstream = route.upstream();
        // HTTP metrics are tagged with the route prefix, not the path: ids in paths would make their number unbounded.
        Vertx.currentContext().putLocal(METRICS_URI_TEMPLATE, route.path());
        String raw = ctx.request().path().toLowerCase(Locale.ROOT);
        if (raw.contains("%2f") || raw.contains("%5c") || raw.contains("\\")) {
            // An encoded slash could mean a different path to the service than the one routed here.
            Problems.send(ctx, 400, "Bad request", "Encoded slashes are not allowed in paths.");
            return;
        }
        if (publicRoutes.isPublic(ctx.request().method().name(), path)) {
            limited(ctx, limiter.forAddress(clientAddress(ctx)), () -> proxy.forward(ctx, upstream));
            return;
        }
        String token = bearer(ctx);
        if (token == null) {
            unauthorized(ctx, "Sign in first: this request needs an access token (Authorization: Bearer ...).", false);
            return;
        }
        tokens.verify(token).onComplete(verified -> {
            if (verified.succeeded()) {
                limited(ctx, limiter.forUser(verified.result().userId()), () -> proxy.forward(ctx, upstream));
            } else if (verified.cause() instanceof InvalidTokenException invalid) {
                unauthorized(ctx, invalid.getMessage(), true);
            } else {
                ctx.fail(verified.cause());
            }
        });
    }

    private static void limited(RoutingContext ctx, Future<Decision> decision, Runnable next) {
        decision.onComplete(result -> {
            Decision d = result.succeeded() ? result.result() : Decision.UNLIMITED;
            if (d.applied()) {
                ctx.response().putHeader("RateLimit-Limit", String.valueOf(d.limit()))
                        .putHeader("RateLimit-Remaining", String.valueOf(d.remaining()))
                        .putHeader("RateLimit-Reset", String.valueOf(d.resetSeconds()));
            }
            if (d.allowed()) {
                next.run();
            } else {
                ctx.response().putHeader("Retry-After", String.valueOf(d.retryAfterSeconds()));
                Problems.send(ctx, 429, "Too many requests",
                        "Slow down: try again in " + d.retryAfterSeconds() + " s.");
            }
        });
    }

    private static void unauthorized(RoutingContext ctx, String detail, boolean invalidToken) {
        ctx.response().putHeader("WWW-Authenticate",
                invalidToken ? "Bearer realm=\"andy\", error=\"invalid_token\"" : "Bearer realm=\"andy\"");
        Problems.send(ctx, 401, "Unauthorized", detail);
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private String clientAddress(RoutingContext ctx) {
        return forwarding.client(ctx);
    }
}

package ai.andy.gateway.proxy;

import java.util.Locale;
import java.util.Set;

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
    /** First of all, so that every answer, even a refused preflight, carries them. */
    static final int SECURITY_HEADERS_ORDER = -450;
    /** Every request gets a bounded metrics tag at once; routed ones get their route's in route(). */
    static final int METRICS_ORDER = -449;
    /** Right after the request id: an oversized request line or header block is refused before anything else. */
    static final int LIMITS_ORDER = -399;
    /** After CORS, before Quarkus' own body-size check (order -2), which would answer 413 in plain text. */
    static final int PROXY_ORDER = -3;
    /** Where Quarkus' HTTP metrics look for the URI template of a request (as Quarkus REST sets it). */
    private static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";
    /** The paths the gateway serves itself, tagged as they are; anything else unrouted is one tag. */
    private static final Set<String> OWN_PATHS = Set.of("/", "/index.html", "/app.js", "/app.css", "/ws",
            "/favicon.ico");
    private static final String OWN_OPENAPI = "/q/openapi";
    private static final String WS = "/ws";

    private final Upstreams upstreams;
    private final PublicRoutes publicRoutes;
    private final AccessTokens tokens;
    private final RateLimiter limiter;
    private final Proxy proxy;
    private final OpenApiDocs docs;
    private final Forwarding forwarding;
    private final RequestLimits limits;
    private final SecurityHeaders securityHeaders;

    GatewayRoutes(Upstreams upstreams, PublicRoutes publicRoutes, AccessTokens tokens, RateLimiter limiter, Proxy proxy,
            OpenApiDocs docs, Forwarding forwarding, RequestLimits limits, SecurityHeaders securityHeaders) {
        this.securityHeaders = securityHeaders;
        this.limits = limits;
        this.forwarding = forwarding;
        this.upstreams = upstreams;
        this.publicRoutes = publicRoutes;
        this.tokens = tokens;
        this.limiter = limiter;
        this.proxy = proxy;
        this.docs = docs;
    }

    void install(@Observes Router router) {
        router.route().order(SECURITY_HEADERS_ORDER).handler(securityHeaders::add);
        router.route().order(METRICS_ORDER).handler(GatewayRoutes::tagForMetrics);
        router.route().order(REQUEST_ID_ORDER).handler(RequestIds::assign);
        router.route().order(LIMITS_ORDER).handler(limits::check);
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

    /**
     * HTTP metrics name a request by a template, never its raw path: paths are chosen by clients, and each new one
     * would be a new time series (until the tag cap, after which real routes would go unrecorded).
     */
    private static void tagForMetrics(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String template;
        if (OWN_PATHS.contains(path)) {
            template = path;
        } else if (path.startsWith(OpenApiDocs.PATH)) {
            template = OpenApiDocs.PATH + "{service}";
        } else if (path.startsWith("/q/swagger-ui")) {
            template = "/q/swagger-ui";
        } else {
            template = "/{unrouted}";
        }
        Vertx.currentContext().putLocal(METRICS_URI_TEMPLATE, template);
        ctx.next();
    }

    private void route(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Upstreams.Prefix route = upstreams.route(path);
        if (route == null) {
            if (path.equals(OWN_OPENAPI) || path.startsWith(OWN_OPENAPI + "/")) {
                Problems.notFound(ctx); // the gateway's own (empty) document: see application.properties
                return;
            }
            if (path.equals(WS)) {
                // Each handshake may cost a token check and holds a socket: limited per client address.
                limited(ctx, limiter.forAddress(clientAddress(ctx)), ctx::next);
                return;
            }
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
        // Requests that prove no identity are counted against their address, so a flood of them is slowed like any
        // other anonymous traffic (429) instead of being answered 401 as fast as it comes.
        if (token == null) {
            limited(ctx, limiter.forAddress(clientAddress(ctx)), () -> unauthorized(ctx,
                    "Sign in first: this request needs an access token (Authorization: Bearer ...).", false));
            return;
        }
        tokens.verify(token).onComplete(verified -> {
            if (verified.succeeded()) {
                limited(ctx, limiter.forUser(verified.result().userId()), () -> proxy.forward(ctx, upstream));
            } else if (verified.cause() instanceof InvalidTokenException invalid) {
                limited(ctx, limiter.forAddress(clientAddress(ctx)), () -> unauthorized(ctx, invalid.getMessage(), true));
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

package ai.andy.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 9457 problem details: a status and a sentence a person can act on, never a stack trace. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Answers with a problem, unless an answer has already started (then the connection is simply closed). */
    public static Future<Void> send(RoutingContext ctx, int status, String title, String detail) {
        return send(ctx, status, title, detail, null);
    }

    public static Future<Void> send(RoutingContext ctx, int status, String title, String detail, JsonObject extensions) {
        var response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            if (!response.ended() && !response.closed()) {
                response.reset();
            }
            return Future.succeededFuture();
        }
        JsonObject body = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        String requestId = RequestIds.of(ctx);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        if (extensions != null) {
            body.mergeIn(extensions);
        }
        return response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(body.encode());
    }

    public static void notFound(RoutingContext ctx) {
        send(ctx, 404, "Not found", "There is nothing at " + ctx.request().path() + ".");
    }

    private Problems() {
    }
}

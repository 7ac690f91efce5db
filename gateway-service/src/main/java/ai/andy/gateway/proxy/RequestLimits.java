package ai.andy.gateway.proxy;

import java.util.Map;

import jakarta.inject.Singleton;

import ai.andy.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own limits on the request line and the header block, answered in problem+json (414, 431). Netty's
 * decoder limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well above
 * these so that ordinary oversized requests get here: Netty's own refusals carry no body, and Quarkus offers no hook
 * for them. Only a request beyond Netty's larger limits, or one that is not HTTP at all, still gets a bare status.
 */
@Singleton
public class RequestLimits {
    private final int maxUriLength;
    private final int maxHeaderBytes;

    RequestLimits(GatewayConfig config) {
        this.maxUriLength = config.limits().maxUriLength();
        this.maxHeaderBytes = config.limits().maxHeaderBytes();
    }

    void check(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        if (in.uri().length() > maxUriLength) {
            refuse(ctx, 414, "URI too long", "The request's path and query are longer than the " + maxUriLength
                    + " characters the gateway accepts; send large values in a request body.");
            return;
        }
        long size = 0;
        for (Map.Entry<String, String> header : in.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        if (size > maxHeaderBytes) {
            refuse(ctx, 431, "Request headers too large", "The request's headers add up to more than the "
                    + maxHeaderBytes / 1024 + " KiB the gateway accepts; large cookies are the usual cause.");
            return;
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, int status, String title, String detail) {
        // The client may still be sending a body it will never get to use: close after answering.
        ctx.response().putHeader("Connection", "close");
        Problems.send(ctx, status, title, detail);
    }
}

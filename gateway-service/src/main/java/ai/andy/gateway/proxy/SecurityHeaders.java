package ai.andy.gateway.proxy;

import jakarta.inject.Singleton;

import ai.andy.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every answer of the gateway carries, its own and the services' alike (set just before the headers are
 * written, each only when the answer has none of its own):
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a text/plain echo (Graph's validation token) is never run as HTML;</li>
 * <li>{@code Referrer-Policy: no-referrer}: no URL of Andy's leaks to another site;</li>
 * <li>{@code Content-Security-Policy}: only the gateway's own files, no inline script, never framed; Swagger UI,
 * which Quarkus builds with inline script, keeps only {@code frame-ancestors 'none'};</li>
 * <li>{@code Strict-Transport-Security} when the public URL ({@code ANDY_PUBLIC_URL}) is https.</li>
 * </ul>
 */
@Singleton
public class SecurityHeaders {
    static final String PAGE_POLICY = "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self';"
            + " frame-ancestors 'none'";
    private static final String SWAGGER_UI = "/q/swagger-ui";

    private final boolean https;

    SecurityHeaders(GatewayConfig config) {
        this.https = config.publicUrl().getScheme().equalsIgnoreCase("https");
    }

    void add(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = ctx.response().headers();
            setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
            setIfAbsent(headers, "Referrer-Policy", "no-referrer");
            setIfAbsent(headers, "X-Frame-Options", "DENY");
            setIfAbsent(headers, "Content-Security-Policy",
                    path.startsWith(SWAGGER_UI) ? "frame-ancestors 'none'" : PAGE_POLICY);
            if (https) {
                setIfAbsent(headers, "Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
        });
        ctx.next();
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}

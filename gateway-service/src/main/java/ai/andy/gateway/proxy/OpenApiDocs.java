package ai.andy.gateway.proxy;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /openapi/<route key>}: a service's OpenAPI document, fetched from its {@code /q/openapi}, for the one
 * Swagger UI at the gateway ({@code quarkus.swagger-ui.urls.*}). The only read of a service's {@code /q/**} the gateway
 * makes on a client's behalf: GET only, this one document, nothing else under {@code /q}. What the gateway never
 * routes ({@code /internal/**}, {@code /q/**}) is cut out of it: the public needs no map of the services' back doors.
 */
@Singleton
public class OpenApiDocs {
    public static final String PATH = "/openapi/";

    private final Upstreams upstreams;

    OpenApiDocs(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    /** The document without the paths the gateway never routes; a document that is not JSON is refused. */
    static Buffer publicPart(Buffer document) {
        JsonObject doc = document.toJsonObject();
        JsonObject paths = doc.getJsonObject("paths");
        if (paths != null) {
            paths.fieldNames().removeIf(path -> path.equals("/internal") || path.startsWith("/internal/")
                    || path.equals("/q") || path.startsWith("/q/"));
        }
        return doc.toBuffer();
    }

    void serve(RoutingContext ctx) {
        Upstream upstream = upstreams.byKey(ctx.pathParam("service"));
        if (upstream == null) {
            Problems.notFound(ctx);
            return;
        }
        RequestOptions get = new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.host())
                .setPort(upstream.port()).setSsl(upstream.ssl()).setURI(upstream.uri("/q/openapi?format=json"))
                .setIdleTimeout(upstream.timeout().toMillis())
                .putHeader("Accept", "application/json").putHeader(RequestIds.HEADER, RequestIds.of(ctx));
        upstream.client().request(get)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .timeout(upstream.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .map(OpenApiDocs::publicPart)
                .onSuccess(body -> ctx.response().putHeader("Content-Type", "application/json").end(body))
                .onFailure(e -> Problems.send(ctx, 503, "Service unavailable",
                        upstream.service() + " did not provide its API description; try again shortly.",
                        new JsonObject().put("service", upstream.service())));
    }
}

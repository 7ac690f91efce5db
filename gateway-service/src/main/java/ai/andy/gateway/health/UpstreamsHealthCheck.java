package ai.andy.gateway.health;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import ai.andy.gateway.config.GatewayConfig;
import ai.andy.gateway.proxy.Upstream;
import ai.andy.gateway.proxy.Upstreams;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Readiness data on every service behind the gateway: whether its own {@code /q/health/ready} answers UP, and the
 * state of its circuit breaker. The check itself stays UP: one service being down must not take the gateway out of
 * the load balancer, since every other route still works and the down one answers a clear 503.
 * Probes are cached for {@code andy.gateway.upstream.health-cache-for}, so readiness polling does not multiply.
 */
@Readiness
@Singleton
public class UpstreamsHealthCheck implements AsyncHealthCheck {
    private final Upstreams upstreams;
    private final GatewayConfig.Upstream settings;
    private volatile Snapshot last;

    UpstreamsHealthCheck(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.settings = config.upstream();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Snapshot cached = last;
        if (cached != null && System.nanoTime() - cached.takenAt() < settings.healthCacheFor().toNanos()) {
            return Uni.createFrom().item(cached.response());
        }
        List<Upstream> all = new ArrayList<>(upstreams.all());
        List<Future<String>> probes = all.stream().map(this::probe).toList();
        // Each probe recovers into a state text, so the join always succeeds.
        return Uni.createFrom().completionStage(Future.join(probes).toCompletionStage())
                .map(ignored -> {
                    HealthCheckResponseBuilder builder = HealthCheckResponse.named("Upstream services").up(); // data only: see the class comment
                    for (int i = 0; i < all.size(); i++) {
                        Upstream upstream = all.get(i);
                        builder.withData(upstream.service(), probes.get(i).result() + ", breaker "
                                + upstream.breaker().state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                    }
                    HealthCheckResponse response = builder.build();
                    last = new Snapshot(System.nanoTime(), response);
                    return response;
                });
    }

    private Future<String> probe(Upstream upstream) {
        RequestOptions get = new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.host())
                .setPort(upstream.port()).setSsl(upstream.ssl()).setURI(upstream.uri("/q/health/ready"))
                .setIdleTimeout(settings.healthTimeout().toMillis());
        return upstream.client().request(get)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200 ? "UP" : "DOWN"))
                .timeout(settings.healthTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .otherwise("not answering");
    }

    private record Snapshot(long takenAt, HealthCheckResponse response) {
    }
}

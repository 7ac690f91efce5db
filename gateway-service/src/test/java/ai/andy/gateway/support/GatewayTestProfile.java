package ai.andy.gateway.support;

import java.util.List;
import java.util.Map;

import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.RedisResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway in front of {@link FakeServices}, with the real Kafka broker and Redis, and limits small enough to hit
 * in a test. Every test class using it shares one running gateway.
 */
public class GatewayTestProfile implements QuarkusTestProfile {
    public static final int USER_BURST = 5;
    public static final int IP_BURST = 5;
    public static final int MAX_BODY_KIB = 64;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaResource.class), new TestResourceEntry(RedisResource.class),
                new TestResourceEntry(FakeServices.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("andy.gateway.rate-limit.user.capacity", String.valueOf(USER_BURST)),
                Map.entry("andy.gateway.rate-limit.user.refill-per-second", "0.2"),
                Map.entry("andy.gateway.rate-limit.ip.capacity", String.valueOf(IP_BURST)),
                Map.entry("andy.gateway.rate-limit.ip.refill-per-second", "0.2"),
                Map.entry("andy.gateway.max-body-size", MAX_BODY_KIB + "K"),
                // Tests stand for many clients behind a proxy on the loopback: each public request names its own
                // address (Api.anonymous()). ForwardedHeadersTest shows what an untrusted client gets.
                Map.entry("andy.gateway.trusted-proxies", "127.0.0.1/32,::1/128"),
                Map.entry("andy.auth.jwks-min-refetch-interval", "1s"),
                Map.entry("andy.gateway.ws.auth-timeout", "1s"),
                Map.entry("andy.gateway.routes.voice.timeout", "1s"),
                Map.entry("andy.gateway.routes.chat.timeout", "1s"),
                Map.entry("andy.gateway.circuit-breaker.max-failures", "3"),
                Map.entry("andy.gateway.circuit-breaker.reset-after", "30s"),
                Map.entry("andy.gateway.upstream.health-cache-for", "0s"),
                // Upgraded /ws requests never count as finished in Quarkus' graceful shutdown, which then waits out
                // its whole timeout (see README); tests do not need to wait.
                Map.entry("quarkus.shutdown.timeout", "1s"));
    }
}

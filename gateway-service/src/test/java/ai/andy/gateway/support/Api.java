package ai.andy.gateway.support;

import static io.restassured.RestAssured.given;

import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.ConfigProvider;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.http.TestHTTPResourceManager;

import io.restassured.specification.RequestSpecification;

/** Request shortcuts for gateway tests. */
public final class Api {

    /** A signed-in person's request. */
    public static RequestSpecification as(String userId) {
        return given().header("Authorization", "Bearer " + Tokens.access(userId));
    }

    /**
     * An anonymous request from a client address of its own (benchmarking range 198.18.0.0/15: a label only, never
     * contacted), so public-route tests do not share an IP bucket.
     */
    public static RequestSpecification anonymous() {
        return given().header("X-Forwarded-For", newClientAddress());
    }

    public static String newClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** The WireMock playing a service ({@code auth}, {@code email}, ...), for stubbing and verifying. */
    public static WireMock service(String key) {
        int port = ConfigProvider.getConfig().getValue("andy.test.wiremock." + key, Integer.class);
        return new WireMock("127.0.0.1", port);
    }

    /** A request to the management interface (health, metrics), which is not on the public port. */
    public static RequestSpecification management() {
        // The management URL ends in its root path (/q), which the tests' paths already name.
        int port = java.net.URI.create(TestHTTPResourceManager.getManagementUri()).getPort();
        return given().baseUri("http://127.0.0.1").port(port);
    }

    public static int streamingPort() {
        return ConfigProvider.getConfig().getValue("andy.test.streaming-port", Integer.class);
    }

    private Api() {
    }
}

package ai.andy.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import ai.andy.testsupport.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Plays every service behind the gateway: one WireMock per service on its own dynamic port (so a request reaching
 * the wrong service shows), auth-service's JWK Set with a key pair made here, a {@link StreamingUpstream} and a route
 * to a port nobody listens on. Tests find each WireMock's port and the signing key in configuration
 * ({@code andy.test.*}), which crosses class loaders where objects would not.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {
    public static final String[] SERVICES = { "auth", "chat", "email", "calendar", "telephony", "voice" };

    private final Map<String, WireMockServer> servers = new LinkedHashMap<>();
    private StreamingUpstream streaming;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        try {
            RsaJsonWebKey signing = RsaJwkGenerator.generateJwk(2048);
            signing.setKeyId("test-key-1");
            signing.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            signing.setUse("sig");
            for (String service : SERVICES) {
                WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                        .bindAddress("127.0.0.1"));
                server.start();
                // Any request not stubbed by a test: 200 naming the service that got it.
                server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"service\":\"" + service + "-service\"}")));
                servers.put(service, server);
                config.put("andy.gateway.routes." + service + ".url", server.baseUrl());
                config.put("andy.test.wiremock." + service, String.valueOf(server.port()));
            }
            servers.get("auth").stubFor(get(urlPathEqualTo("/.well-known/jwks.json")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json").withBody(jwks(signing))));
            config.put("andy.auth.jwks-url", servers.get("auth").baseUrl() + "/.well-known/jwks.json");
            config.put("andy.test.signing-jwk", signing.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));

            streaming = new StreamingUpstream();
            config.put("andy.test.streaming-port", String.valueOf(streaming.port()));
            config.put("andy.gateway.routes.stream.service", "stream-service");
            config.put("andy.gateway.routes.stream.url", "http://127.0.0.1:" + streaming.port());
            config.put("andy.gateway.routes.stream.paths", "/api/stream-probe");

            config.put("andy.gateway.routes.offline.service", "offline-service");
            config.put("andy.gateway.routes.offline.url", "http://127.0.0.1:" + Ports.free());
            config.put("andy.gateway.routes.offline.paths", "/api/offline-probe");
            return config;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot start the fake services", e);
        }
    }

    /** A JWK Set with the public half of the given keys, as auth-service publishes it. */
    public static String jwks(RsaJsonWebKey... keys) throws JoseException {
        JsonWebKeySet set = new JsonWebKeySet();
        for (RsaJsonWebKey key : keys) {
            RsaJsonWebKey published = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(key.getRsaPublicKey());
            published.setKeyId(key.getKeyId());
            published.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            published.setUse("sig");
            set.addJsonWebKey(published);
        }
        return set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    @Override
    public void stop() {
        servers.values().forEach(WireMockServer::stop);
        if (streaming != null) {
            streaming.stop();
        }
    }
}

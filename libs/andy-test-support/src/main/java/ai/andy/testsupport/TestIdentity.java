package ai.andy.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Map;
import java.util.UUID;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * auth-service's public face for a service under test, at the wire: a JWKS with a real RSA key, and the client
 * credentials token endpoint issuing real signed service tokens. Tests mint people's access tokens with
 * {@link #accessToken}; the service verifies them exactly as it verifies auth-service's. Tests stub further
 * auth-service endpoints (e.g. {@code /internal/connections/...}) on the server injected into
 * {@link InjectAuthService} fields.
 */
public class TestIdentity implements QuarkusTestResourceLifecycleManager {
    public static final String ISSUER = "andy-test";
    private static final RsaJsonWebKey KEY = newKey();

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(new JsonWebKeySet(KEY).toJson())));
        server.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + serviceToken("test-service") + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":600}")));
        return Map.of(
                "andy.auth.issuer", ISSUER,
                "andy.auth.jwks-url", server.baseUrl() + "/.well-known/jwks.json",
                "quarkus.oidc-client.auth-server-url", server.baseUrl(),
                "andy.auth.url", server.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectAuthService.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A person's access token, valid for 15 minutes. */
    public static String accessToken(String userId) {
        return sign(userId, "access");
    }

    public static String serviceToken(String clientId) {
        return sign(clientId, "service");
    }

    /** A fresh user id, so test classes sharing a database never see each other's people. */
    public static String newUserId() {
        return UUID.randomUUID().toString();
    }

    private static String sign(String subject, String use) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience("andy");
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(15);
        claims.setGeneratedJwtId();
        claims.setClaim("token_use", use);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEY.getPrivateKey());
        jws.setKeyIdHeaderValue(KEY.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey newKey() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("test-" + UUID.randomUUID());
            key.setUse("sig");
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}

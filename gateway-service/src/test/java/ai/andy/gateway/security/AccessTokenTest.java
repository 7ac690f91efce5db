package ai.andy.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import ai.andy.gateway.support.Api;
import ai.andy.gateway.support.FakeServices;
import ai.andy.gateway.support.GatewayTestProfile;
import ai.andy.gateway.support.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class AccessTokenTest {

    @Test
    void validAccessTokenPasses() {
        Api.anonymous().header("Authorization", "Bearer " + Tokens.access(Tokens.newUserId()))
                .when().get("/api/email/messages").then().statusCode(200);
    }

    @Test
    void tokenSignedByUnknownKeyIsRefused() {
        refused(Tokens.unknownKey(Tokens.newUserId()));
    }

    @Test
    void tokenWithKnownKeyIdButAnotherKeysSignatureIsRefused() {
        refused(Tokens.forgedWithKnownKid(Tokens.newUserId()));
    }

    @Test
    void expiredTokenIsRefusedAndSaysSo() {
        refused(Tokens.expired(Tokens.newUserId())).body("detail", containsString("expired"));
    }

    @Test
    void clockSkewOfThirtySecondsIsTolerated() {
        long now = System.currentTimeMillis() / 1000;
        String justExpired = Tokens.access(Tokens.newUserId(), c -> {
            c.setIssuedAt(NumericDate.fromSeconds(now - 910));
            c.setExpirationTime(NumericDate.fromSeconds(now - 10));
        });
        Api.anonymous().header("Authorization", "Bearer " + justExpired).when().get("/api/email/messages")
                .then().log().ifValidationFails().statusCode(200);
    }

    @Test
    void unsignedTokenIsRefused() {
        refused(Tokens.unsigned(Tokens.newUserId()));
    }

    @Test
    void hmacTokenIsRefused() {
        refused(Tokens.hmac(Tokens.newUserId()));
    }

    @Test
    void serviceTokenIsRefused() {
        refused(Tokens.service("email-service")).body("detail", containsString("access tokens"));
    }

    @Test
    void wrongIssuerOrAudienceIsRefused() {
        refused(Tokens.access(Tokens.newUserId(), c -> c.setIssuer("someone-else")));
        refused(Tokens.access(Tokens.newUserId(), c -> c.setAudience("another-app")));
    }

    @Test
    void garbageIsRefused() {
        refused("not-a-jwt");
        refused("a.b.c");
    }

    @Test
    void unknownKeyIdsRefetchTheKeySetAtMostOncePerInterval() {
        var auth = Api.service("auth");
        await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(5)).until(() -> true); // past any refetch
        int before = auth.find(getRequestedFor(urlPathEqualTo("/.well-known/jwks.json"))).size();
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            refused(Tokens.unknownKey(Tokens.newUserId()));
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        int after = auth.find(getRequestedFor(urlPathEqualTo("/.well-known/jwks.json"))).size();
        // One refetch per started 1 s interval at most, however slow a loaded machine makes the five requests.
        int allowed = 1 + (int) (elapsedMillis / 1000);
        assertThat(after - before).isBetween(1, Math.min(5, allowed));
    }

    @Test
    void rotatedKeyIsPickedUpWithoutRestart() throws Exception {
        RsaJsonWebKey next = Tokens.newKey("rotated-" + UUID.randomUUID());
        // auth-service publishes the new key next to the current one (the current one stays until its tokens expire).
        Api.service("auth").register(get(urlPathEqualTo("/.well-known/jwks.json")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(FakeServices.jwks(Tokens.signingKey(), next))));
        String userId = Tokens.newUserId();
        String token = Tokens.sign(next, Tokens.claims(userId, c -> {
        }));
        String path = "/api/voice/voices?probe=" + UUID.randomUUID();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> Api.anonymous()
                .header("Authorization", "Bearer " + token).when().get(path).then().statusCode(200));
        Api.anonymous().header("Authorization", "Bearer " + Tokens.access(Tokens.newUserId()))
                .when().get("/api/voice/voices").then().statusCode(200);
        Api.service("voice").verifyThat(1, getRequestedFor(urlEqualTo(path)));
    }

    private static io.restassured.response.ValidatableResponse refused(String token) {
        String path = "/api/email/messages?probe=" + UUID.randomUUID();
        var response = Api.anonymous().header("Authorization", "Bearer " + token).when().get(path)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
        Api.service("email").verifyThat(0, getRequestedFor(urlEqualTo(path)));
        return response;
    }

    @Inject
    RedisDataSource redis;

    @Test
    void aSignInThatEndedStopsWorkingWithinSeconds() {
        String userId = Tokens.newUserId();
        String sessionId = UUID.randomUUID().toString();
        String token = Tokens.access(userId, c -> c.setClaim("sid", sessionId));
        String otherSession = Tokens.access(userId, c -> c.setClaim("sid", UUID.randomUUID().toString()));
        given().header("Authorization", "Bearer " + token).when().get("/api/me").then().statusCode(200);

        // What auth-service writes on logout or when a refresh token is presented twice.
        redis.value(Long.class).setex("andy:session-revoked:" + sessionId, 960, 1L);

        long start = System.nanoTime();
        // Each answer is remembered for 2 s; polling slowly keeps this person's requests within the test's small
        // per-person rate limit (5), which the other sign-in below still needs a token of.
        await().pollDelay(Duration.ofMillis(2100)).pollInterval(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(6))
                .untilAsserted(() ->
                given().header("Authorization", "Bearer " + token).when().get("/api/me").then().statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", containsString("invalid_token"))
                        .body("detail", containsString("sign-in has ended")));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // The person's other sign-ins (another device) go on working.
        given().header("Authorization", "Bearer " + otherSession).when().get("/api/me").then().statusCode(200);
    }
}

package ai.andy.gateway.ratelimit;

import static ai.andy.gateway.support.GatewayTestProfile.IP_BURST;
import static ai.andy.gateway.support.GatewayTestProfile.USER_BURST;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import ai.andy.gateway.support.Api;
import ai.andy.gateway.support.GatewayTestProfile;
import ai.andy.gateway.support.Tokens;
import ai.andy.gateway.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RateLimitTest {

    @Test
    void eachPersonHasABucketAndSeesItInTheHeaders() {
        String userId = Tokens.newUserId();
        String token = Tokens.access(userId);
        for (int i = 1; i <= USER_BURST; i++) {
            given().header("Authorization", "Bearer " + token).when().get("/api/tasks/open")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", String.valueOf(USER_BURST))
                    .header("RateLimit-Remaining", String.valueOf(USER_BURST - i))
                    .header("RateLimit-Reset", org.hamcrest.Matchers.notNullValue());
        }
        Response refused = given().header("Authorization", "Bearer " + token).when().get("/api/tasks/open");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .header("RateLimit-Limit", String.valueOf(USER_BURST))
                .header("RateLimit-Remaining", "0");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 5L);
        assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isPositive();

        // Another person, from the same address, is not affected.
        Api.as(Tokens.newUserId()).when().get("/api/tasks/open").then().statusCode(200);
        // Nor is the same person's next token: the bucket is the person's, not the token's.
        given().header("Authorization", "Bearer " + Tokens.access(userId)).when().get("/api/tasks/open")
                .then().statusCode(429);
    }

    @Test
    void publicRoutesAreLimitedPerClientAddress() {
        String address = Api.newClientAddress();
        for (int i = 1; i <= IP_BURST; i++) {
            given().header("X-Forwarded-For", address).when().get("/.well-known/jwks.json")
                    .then().statusCode(200).header("RateLimit-Remaining", String.valueOf(IP_BURST - i));
        }
        given().header("X-Forwarded-For", address).contentType("application/json").body("{}")
                .when().post("/api/auth/login")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("try again"));
        given().header("X-Forwarded-For", Api.newClientAddress()).when().get("/.well-known/jwks.json")
                .then().statusCode(200);
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostAddressItDidNotAdd() {
        // The test's loopback peer is a trusted proxy here; what the client wrote left of its entry proves nothing.
        String client = Api.newClientAddress();
        for (int i = 1; i <= IP_BURST; i++) {
            given().header("X-Forwarded-For", Api.newClientAddress() + ", " + client).when().get("/.well-known/jwks.json")
                    .then().statusCode(200).header("RateLimit-Remaining", String.valueOf(IP_BURST - i));
        }
        given().header("X-Forwarded-For", "127.0.0.1, " + Api.newClientAddress() + ", " + client)
                .when().get("/.well-known/jwks.json").then().statusCode(429);
        // Addresses that are not IP literals never count as the client (nor cause a DNS lookup).
        given().header("X-Forwarded-For", "not-an-address, " + client).when().get("/.well-known/jwks.json")
                .then().statusCode(429);
    }

    @Test
    void requestsWithoutAValidTokenAreLimitedPerAddress() {
        String address = Api.newClientAddress();
        int refused = 0;
        for (int i = 0; i < IP_BURST + 3; i++) {
            int status = given().header("X-Forwarded-For", address).header("Authorization", "Basic eDp5")
                    .when().get("/api/email/messages").then().extract().statusCode();
            assertThat(status).isIn(401, 429);
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).isGreaterThanOrEqualTo(2);
        // A forged token counts against the same address.
        given().header("X-Forwarded-For", address)
                .header("Authorization", "Bearer " + Tokens.forgedWithKnownKid(Tokens.newUserId()))
                .when().get("/api/email/messages").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // A signed-in person at that address is not held up: their bucket is their own.
        given().header("X-Forwarded-For", address).header("Authorization", "Bearer " + Tokens.access(Tokens.newUserId()))
                .when().get("/api/email/messages").then().statusCode(200);
    }

    @Test
    void webSocketHandshakesAreLimitedPerAddress() throws Exception {
        String address = Api.newClientAddress();
        String token = Tokens.access(Tokens.newUserId());
        for (int i = 0; i < IP_BURST; i++) {
            try (WsClient client = WsClient.from(address, token)) {
                assertThat(client.next(java.time.Duration.ofSeconds(10)).getString("type")).isEqualTo("ready");
            }
        }
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> WsClient.from(address, token).close());
        while (refused != null && !(refused instanceof java.net.http.WebSocketHandshakeException)) {
            refused = refused.getCause();
        }
        assertThat(refused).isNotNull();
        assertThat(((java.net.http.WebSocketHandshakeException) refused).getResponse().statusCode()).isEqualTo(429);
        try (WsClient elsewhere = WsClient.from(Api.newClientAddress(), token)) {
            assertThat(elsewhere.next(java.time.Duration.ofSeconds(10)).getString("type")).isEqualTo("ready");
        }
    }
}

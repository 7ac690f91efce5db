package ai.andy.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import ai.andy.gateway.support.GatewayTestProfile;
import ai.andy.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class CorsTest {

    @Test
    void preflightFromAConfiguredOriginIsAllowedWithoutToken() {
        given().header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/chat/messages")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/chat/messages")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void proxiedAnswersCarryCorsAndExposeTheGatewaysHeaders() {
        given().header("Origin", "http://localhost:8080")
                .header("Authorization", "Bearer " + Tokens.access(Tokens.newUserId()))
                .when().get("/api/chat/conversations")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }
}

package ai.andy.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import ai.andy.gateway.support.Api;
import ai.andy.gateway.support.GatewayTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ApiDocsTest {

    @Test
    void eachServicesDocumentIsServedThroughTheGateway() {
        Api.service("email").register(get(urlPathEqualTo("/q/openapi")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Andy email-service\"},\"paths\":{"
                        + "\"/api/email/messages\":{\"get\":{}},\"/internal/accounts/{id}\":{\"get\":{}},"
                        + "\"/internal\":{\"get\":{}},\"/q/metrics\":{\"get\":{}},\"/api/email/internal\":{\"get\":{}}}}")));

        String doc = Api.anonymous().when().get("/openapi/email").then().statusCode(200)
                .contentType("application/json").body("info.title", equalTo("Andy email-service"))
                .extract().asString();
        // What the gateway never routes is not described to the public either.
        org.assertj.core.api.Assertions.assertThat(doc).contains("/api/email/messages", "/api/email/internal")
                .doesNotContain("/internal/accounts", "\"/internal\"", "/q/metrics");
    }

    @Test
    void swaggerUiListsEveryService() {
        Api.anonymous().when().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", "frame-ancestors 'none'");
        String config = Api.anonymous().when().get("/q/swagger-ui/index.html").then().statusCode(200)
                .extract().asString();
        for (String service : new String[] { "auth", "chat", "email", "calendar", "telephony", "voice" }) {
            org.assertj.core.api.Assertions.assertThat(config).contains("/openapi/" + service);
        }
    }

    @Test
    void unknownOrDownServicesAnswerProblemJson() {
        Api.anonymous().when().get("/openapi/nothing").then().statusCode(404).contentType("application/problem+json");
        Api.anonymous().when().get("/openapi/offline").then().statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("offline-service"));
    }
}

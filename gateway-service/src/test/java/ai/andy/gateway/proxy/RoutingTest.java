package ai.andy.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.client.WireMock;

import ai.andy.gateway.support.Api;
import ai.andy.gateway.support.GatewayTestProfile;
import ai.andy.gateway.support.RawHttp;
import ai.andy.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RoutingTest {

    @ParameterizedTest(name = "{0} reaches {1}-service")
    @CsvSource({
            "/api/auth/sessions, auth", "/api/me, auth", "/api/me/preferences, auth", "/api/connections/google, auth",
            "/api/chat/conversations, chat", "/api/email/messages, email", "/api/calendar/events, calendar",
            "/api/tasks/open, calendar", "/api/telephony/numbers, telephony", "/api/voice/voices, voice" })
    void everySignedInRouteReachesItsService(String path, String service) {
        String userId = Tokens.newUserId();
        String token = Tokens.access(userId);
        String unique = path + "?probe=" + UUID.randomUUID();

        Api.as(userId).header("Authorization", "Bearer " + token).when().get(unique)
                .then().statusCode(200).body("service", equalTo(service + "-service"));

        // Forwarded with its path and query unchanged, and the client's token as it was sent.
        Api.service(service).verifyThat(1, getRequestedFor(urlEqualTo(unique))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + token)));
    }

    @ParameterizedTest(name = "public {0} {1} reaches {2}-service without a token")
    @CsvSource({ "POST, /api/auth/signup, auth", "POST, /api/auth/login, auth", "POST, /api/auth/refresh, auth",
            "POST, /api/auth/logout, auth", "GET, /.well-known/openid-configuration, auth",
            "GET, /api/connections/callback/google, auth", "POST, /twilio/voice/incoming, telephony",
            "GET, /twilio/media/abc, telephony", "POST, /api/email/push/gmail, email",
            "POST, /api/email/push/graph/lifecycle, email", "GET, /api/voice/audio/abc, voice" })
    void publicRoutesNeedNoToken(String method, String path, String service) {
        String unique = path + "?probe=" + UUID.randomUUID();
        Api.anonymous().contentType("application/json").body("{}").when().request(method, unique)
                .then().statusCode(200).body("service", equalTo(service + "-service"));
    }

    @Test
    void onlyFetchingAudioIsPublicAtVoiceService() {
        String path = "/api/voice/speech?probe=" + UUID.randomUUID();
        Api.anonymous().contentType("application/json").body("{}").when().post(path).then().statusCode(401);
        Api.service("voice").verifyThat(0, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void signedInRoutesRefuseRequestsWithoutToken() {
        String path = "/api/email/messages?probe=" + UUID.randomUUID();
        Api.anonymous().when().get(path).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        Api.service("email").verifyThat(0, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void requestIdIsAddedForwardedAndReturned() {
        String path = "/api/calendar/events?probe=" + UUID.randomUUID();
        Response response = Api.as(Tokens.newUserId()).when().get(path);
        String id = response.header("X-Request-Id");
        assertThat(id).isNotBlank();
        Api.service("calendar").verifyThat(1, getRequestedFor(urlEqualTo(path)).withHeader("X-Request-Id", WireMock.equalTo(id)));

        String mine = "client-" + UUID.randomUUID();
        String second = "/api/calendar/events?probe=" + UUID.randomUUID();
        Api.as(Tokens.newUserId()).header("X-Request-Id", mine).when().get(second)
                .then().statusCode(200).header("X-Request-Id", mine);
        Api.service("calendar").verifyThat(1, getRequestedFor(urlEqualTo(second)).withHeader("X-Request-Id", WireMock.equalTo(mine)));
    }

    @Test
    void hopByHopHeadersStopAtTheGateway() {
        String path = "/api/chat/messages?probe=" + UUID.randomUUID();
        Api.as(Tokens.newUserId())
                .header("Connection", "keep-alive, X-Hop")
                .header("X-Hop", "connection-scoped")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("X-End-To-End", "kept")
                .contentType("application/json").body("{\"text\":\"hi\"}")
                .when().post(path).then().statusCode(200);

        Api.service("chat").verifyThat(1, postRequestedFor(urlEqualTo(path))
                .withHeader("X-End-To-End", WireMock.equalTo("kept"))
                .withHeader("X-Hop", absent())
                .withHeader("Proxy-Authorization", absent())
                .withHeader("X-Forwarded-For", WireMock.matching(".+"))
                .withRequestBody(WireMock.equalTo("{\"text\":\"hi\"}")));
    }

    @Test
    void servicesInternalAndOperationsPathsAreNeverRouted() throws Exception {
        String token = Tokens.access(Tokens.newUserId());
        for (String path : new String[] { "/internal/users", "/api/auth/../../internal/users",
                "/api/email/%2e%2e/%2e%2e/internal/accounts" }) {
            Api.anonymous().urlEncodingEnabled(false).header("Authorization", "Bearer " + token).when().get(path)
                    .then().log().ifValidationFails().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        }
        // Dot segments as sent on the wire (HTTP clients resolve them before sending).
        assertThat(RawHttp.get("/api/auth/../../internal/users", "Authorization: Bearer " + token))
                .startsWith("HTTP/1.1 404").contains("application/problem+json");
        Api.anonymous().urlEncodingEnabled(false).header("Authorization", "Bearer " + token).when()
                .get("/api/auth/..%2F..%2Finternal%2Fusers").then().statusCode(400)
                .contentType("application/problem+json");
        // /q/** is the gateway's own, and its operations endpoints are not on the public port at all.
        for (String path : new String[] { "/q/metrics", "/q/health", "/q/health/ready", "/q/openapi" }) {
            Api.anonymous().when().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        Api.management().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));

        for (String service : new String[] { "auth", "email" }) {
            Api.service(service).verifyThat(0, getRequestedFor(urlPathMatching("/internal.*")));
            Api.service(service).verifyThat(0, getRequestedFor(urlPathMatching("/q/metrics.*")));
        }
    }

    @Test
    void metricsNameTheRouteNotEachPath() {
        String id = UUID.randomUUID().toString();
        Api.as(Tokens.newUserId()).when().get("/api/email/messages/" + id).then().statusCode(200);
        // Paths nobody routes, chosen by the client, and the gateway's own 414 and 404 answers.
        Api.anonymous().when().get("/probe-" + id).then().statusCode(404);
        Api.anonymous().when().get("/openapi/" + id).then().statusCode(404);
        Api.anonymous().when().get("/q/" + id).then().statusCode(404);
        Api.anonymous().when().get("/api/email/" + "x".repeat(9000) + id).then().statusCode(414);
        String metrics = Api.management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("uri=\"/api/email\"", "uri=\"/{unrouted}\"", "uri=\"/openapi/{service}\"")
                .doesNotContain(id);
    }

    @Test
    void unknownPathsAnswerProblemJson404() {
        Api.anonymous().when().get("/no/such/thing").then().statusCode(404)
                .contentType("application/problem+json").body("instance", equalTo("/no/such/thing"));
    }
}

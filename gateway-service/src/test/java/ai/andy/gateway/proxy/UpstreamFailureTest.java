package ai.andy.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import ai.andy.gateway.support.Api;
import ai.andy.gateway.support.GatewayTestProfile;
import ai.andy.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class UpstreamFailureTest {
    @Inject
    Upstreams upstreams;

    @AfterEach
    void closeBreakers() {
        upstreams.resetBreakers();
    }

    @Test
    void serviceThatDropsTheConnectionIsA503NamingIt() {
        String path = "/api/email/broken-" + UUID.randomUUID();
        Api.service("email").register(get(urlPathEqualTo(path)).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Api.as(Tokens.newUserId()).when().get(path).then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("service", equalTo("email-service"))
                .body("detail", equalTo("email-service is not answering; try again shortly."));
    }

    @Test
    void serviceThatIsNotRunningIsA503AndItsBreakerOpens() {
        String userId = Tokens.newUserId();
        for (int i = 0; i < 3; i++) { // the test profile opens a breaker after 3 failures
            Api.as(userId).when().get("/api/offline-probe/x").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("offline-service is not answering; try again shortly."));
        }
        Api.as(Tokens.newUserId()).when().get("/api/offline-probe/x").then().statusCode(503)
                .header("Retry-After", "30")
                .body("service", equalTo("offline-service"));
    }

    @Test
    void openBreakerSparesTheServiceUntilItsTrial() {
        String path = "/api/email/flaky-" + UUID.randomUUID();
        Api.service("email").register(get(urlPathEqualTo(path)).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (int i = 0; i < 3; i++) {
            Api.as(Tokens.newUserId()).when().get(path).then().statusCode(503);
        }
        Api.as(Tokens.newUserId()).when().get(path).then().statusCode(503).header("Retry-After", "30");
        Api.as(Tokens.newUserId()).when().get("/api/email/anything-else").then().statusCode(503);

        Api.service("email").verifyThat(3, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void slowServiceIsA504AfterTheRouteTimeout() {
        String path = "/api/voice/slow-" + UUID.randomUUID();
        Api.service("voice").register(get(urlPathEqualTo(path)).willReturn(aResponse().withFixedDelay(3000)
                .withBody("too late")));
        long start = System.nanoTime();
        Api.as(Tokens.newUserId()).when().get(path).then().statusCode(504)
                .contentType("application/problem+json")
                .body("service", equalTo("voice-service"));
        org.assertj.core.api.Assertions.assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
    }

    @Test
    void servicesOwnErrorsPassThroughUntouched() {
        String path = "/api/calendar/missing-" + UUID.randomUUID();
        Api.service("calendar").register(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not found\",\"status\":404,\"detail\":\"No such event.\"}")));
        Api.as(Tokens.newUserId()).when().get(path).then().statusCode(404).body("detail", equalTo("No such event."));
    }

    @Test
    void aChangeThatTimedOutSaysItsOutcomeIsUnknownAndWhetherRetryingIsSafe() {
        String path = "/api/chat/slow-send-" + UUID.randomUUID();
        Api.service("chat").register(post(urlPathEqualTo(path)).willReturn(aResponse().withFixedDelay(3000)));
        String key = UUID.randomUUID().toString();
        Api.as(Tokens.newUserId()).header("Idempotency-Key", key).contentType("application/json").body("{}")
                .when().post(path).then().statusCode(504)
                .contentType("application/problem+json")
                .body("outcome", equalTo("unknown"))
                .body("retrySafe", equalTo(true))
                .body("idempotencyKey", equalTo(key))
                .body("detail", containsString("unknown"))
                .body("detail", containsString("same Idempotency-Key is safe"));

        // Without a key, a retry could do it twice: the answer says so instead of "try again".
        Api.as(Tokens.newUserId()).contentType("application/json").body("{}").when().post(path).then().statusCode(504)
                .body("outcome", equalTo("unknown"))
                .body("retrySafe", equalTo(false))
                .body("detail", not(containsString("try again shortly")))
                .body("detail", containsString("before sending it again"));
    }

    @Test
    void aChangeToAServiceThatIgnoresKeysIsNeverCalledSafeToRetry() {
        String path = "/api/voice/slow-change-" + UUID.randomUUID();
        Api.service("voice").register(delete(urlPathEqualTo(path)).willReturn(aResponse().withFixedDelay(3000)));
        Api.as(Tokens.newUserId()).header("Idempotency-Key", UUID.randomUUID().toString()).when().delete(path)
                .then().statusCode(504).body("outcome", equalTo("unknown")).body("retrySafe", equalTo(false));
    }
}

package ai.andy.gateway.proxy;

import static ai.andy.gateway.support.GatewayTestProfile.IP_BURST;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import ai.andy.gateway.support.Api;
import ai.andy.gateway.support.Tokens;
import ai.andy.gateway.support.UntrustedClientProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A client that writes forwarding headers itself, with no trusted proxy in front of the gateway. */
@QuarkusTest
@TestProfile(UntrustedClientProfile.class)
class ForwardedHeadersTest {

    @Test
    void forwardingHeadersAreReplacedNotExtended() {
        String path = "/api/email/messages?probe=" + UUID.randomUUID();
        Api.as(Tokens.newUserId())
                .header("X-Forwarded-For", "203.0.113.66")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("Forwarded", "for=203.0.113.66;host=evil.example;proto=https")
                .when().get(path).then().statusCode(200);

        Api.service("email").verifyThat(1, getRequestedFor(urlEqualTo(path))
                .withHeader("X-Forwarded-For", WireMock.equalTo("127.0.0.1"))
                .withHeader("X-Forwarded-Proto", WireMock.equalTo("http"))
                .withHeader("X-Forwarded-Host", WireMock.matching("localhost:\\d+"))
                .withHeader("Forwarded", WireMock.matching("for=127\\.0\\.0\\.1;proto=http;host=\"localhost:\\d+\"")));
    }

    @Test
    void aForgedAddressPerRequestDoesNotDodgeThePerAddressLimit() {
        int allowed = 0;
        int refused = 0;
        for (int i = 0; i < IP_BURST + 6; i++) {
            int status = given().header("X-Forwarded-For", Api.newClientAddress())
                    .header("Forwarded", "for=" + Api.newClientAddress())
                    .when().get("/.well-known/jwks.json").statusCode();
            if (status == 200) {
                allowed++;
            } else if (status == 429) {
                refused++;
            }
        }
        // Every request counts against the real peer (127.0.0.1), whatever address it claims (the bucket refills a
        // token every 5 s, so a slow run may see one or two more go through).
        assertThat(allowed).isLessThanOrEqualTo(IP_BURST + 2);
        assertThat(refused).isGreaterThanOrEqualTo(4);
    }
}

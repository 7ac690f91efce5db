package ai.andy.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ai.andy.gateway.support.GatewayTestProfile;
import ai.andy.gateway.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The gateway's own refusals of malformed or oversized requests explain themselves in problem+json. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RequestLimitsTest {

    @Test
    void anOverlongUriIs414ProblemJson() throws Exception {
        String answer = RawHttp.get("/api/email/messages?q=" + "a".repeat(9000));
        assertThat(answer).startsWith("HTTP/1.1 414").contains("Content-Type: application/problem+json")
                .contains("\"status\":414").contains("longer than the 8192 characters");
    }

    @Test
    void anOversizedHeaderBlockIs431ProblemJson() throws Exception {
        String answer = RawHttp.get("/api/email/messages", "Cookie: c=" + "b".repeat(12_000),
                "X-Other: " + "c".repeat(12_000));
        assertThat(answer).startsWith("HTTP/1.1 431").contains("Content-Type: application/problem+json")
                .contains("\"status\":431");
    }
}

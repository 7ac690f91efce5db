package ai.andy.gateway.health;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import ai.andy.gateway.support.Api;
import ai.andy.gateway.support.GatewayTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class UpstreamsHealthTest {

    @Test
    void readinessReportsEveryServiceAndStaysUpWhenOneIsDown() {
        Api.management().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Upstream services' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Upstream services' }.data.'auth-service'", startsWith("UP"))
                .body("checks.find { it.name == 'Upstream services' }.data.'voice-service'", startsWith("UP"))
                .body("checks.find { it.name == 'Upstream services' }.data.'offline-service'",
                        startsWith("not answering"));
    }
}

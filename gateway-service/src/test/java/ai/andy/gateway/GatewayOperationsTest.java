package ai.andy.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import ai.andy.gateway.support.Api;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.RedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the gateway offers operators, on its management interface (not the public port: see the README), and the
 * API docs it offers everyone. The other services follow ServiceOperationsContract; the gateway cannot, because its
 * health, metrics and own OpenAPI document are deliberately not where the contract looks for them.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RedisResource.class, restrictToAnnotatedClass = true)
class GatewayOperationsTest {

    @Test
    void readinessAndLivenessAreOnTheManagementInterface() {
        Api.management().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem(containsString("Redis")));
        Api.management().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void prometheusMetricsAreOnTheManagementInterface() {
        Api.management().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().when().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void swaggerUiIsPublicAndTheGatewaysOwnDocumentIsNot() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(404);
        Api.management().when().get("/q/openapi").then().statusCode(404);
    }
}

package ai.andy.testsupport;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every Andy service offers operators from day one, checked against the running service: readiness that
 * reflects its real dependencies, liveness, OpenAPI, Swagger UI and Prometheus metrics. A service's test extends this
 * with its own {@code @QuarkusTest} and test resources.
 */
public abstract class ServiceOperationsContract {

    /** Whether the service has its own PostgreSQL database. */
    protected abstract boolean usesDatabase();

    /** Whether the service uses Redis. */
    protected abstract boolean usesRedis();

    @Test
    void readinessIsUpAndCoversEachDependency() {
        var ready = when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        ready.body("checks.name", hasItem(containsString("Kafka")));
        if (usesDatabase()) {
            ready.body("checks.name", hasItem(containsString("PostgreSQL")));
        }
        if (usesRedis()) {
            ready.body("checks.name", hasItem(containsString("Redis")));
        }
    }

    @Test
    void livenessIsUp() {
        when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDescribesTheService() {
        given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).body("openapi", containsString("3."));
        when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void prometheusMetricsAreServed() {
        when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}

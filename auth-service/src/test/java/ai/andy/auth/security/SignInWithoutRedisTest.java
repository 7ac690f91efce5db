package ai.andy.auth.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.Ports;
import ai.andy.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Sign-in throttling lives in Redis. With Redis gone there is no throttle, and taking passwords without one would
 * invite guessing: sign-in answers 503 problem+json saying to try again shortly (it answered 500 before).
 */
@QuarkusTest
@TestProfile(SignInWithoutRedisTest.NoRedis.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "auth"))
class SignInWithoutRedisTest {

    /** Redis "is" on a port where nothing answers. */
    public static class NoRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + Ports.free(),
                    "quarkus.redis.timeout", "2s");
        }
    }

    @Test
    void signInSaysItIsBrieflyUnavailableInsteadOfFailing() {
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"nobody-" + System.nanoTime() + "@example.org\",\"password\":\"a long enough passphrase\"}")
                .when().post("/api/auth/login")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("30"))
                .body("detail", containsString("Try again in a minute"));
    }
}

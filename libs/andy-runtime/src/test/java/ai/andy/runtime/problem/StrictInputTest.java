package ai.andy.runtime.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Input no service can store or read unambiguously is refused with a 400 naming the field, in every service that
 * depends on andy-runtime (once answered 500, some with an empty body).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "runtime"))
class StrictInputTest {

    private static ValidatableResponse post(String json) {
        return given().contentType("application/json").body(json).when().post("/echo").then();
    }

    private static ValidatableResponse refused(ValidatableResponse response) {
        return response.statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void aWellFormedBodyIsAccepted() {
        post("{\"text\":\"h\\u00e9llo \\ud83d\\ude00\",\"tags\":[\"a\"],\"extra\":{\"k\":\"v\"},\"inner\":{\"name\":\"n\"}}")
                .statusCode(200).body("text", equalTo("héllo \uD83D\uDE00"));
    }

    @Test
    void aDuplicatedKeyIsNamed() {
        refused(post("{\"text\":\"a\",\"text\":\"b\"}"))
                .body("errors.field", hasItem("text")).body("detail", containsString("more than once"));
    }

    @Test
    void aDuplicatedKeyInsideAnObjectIsNamed() {
        refused(post("{\"inner\":{\"name\":\"a\",\"name\":\"b\"}}")).body("errors.field", hasItem("name"));
    }

    @Test
    void trailingGarbageAfterTheJsonIsRefused() {
        refused(post("{\"text\":\"a\"} {\"text\":\"b\"}")).body("detail", containsString("more after its JSON value"));
        refused(post("{\"text\":\"a\"}xyz"));
    }

    @Test
    void anEscapedNulInAnyStringIsNamed() {
        refused(post("{\"text\":\"a\\u0000b\"}")).body("errors.field", hasItem("text"))
                .body("detail", containsString("NUL"));
        refused(post("{\"tags\":[\"ok\",\"a\\u0000\"]}")).body("errors.field", hasItem("tags[1]"));
        refused(post("{\"inner\":{\"name\":\"\\u0000\"}}")).body("errors.field", hasItem("inner.name"));
        refused(post("{\"extra\":{\"k\":\"\\u0000\"}}")).body("errors.field", hasItem("extra.k"));
    }

    @Test
    void aRawNulInTheBodyIsRefused() {
        refused(post("{\"text\":\"a\u0000b\"}")).body("errors.field", hasItem("text"))
                .body("detail", containsString("NUL"));
    }

    @Test
    void aLoneSurrogateIsNamed() {
        refused(post("{\"text\":\"a\\ud800b\"}")).body("errors.field", hasItem("text"))
                .body("detail", containsString("surrogate"));
        refused(post("{\"text\":\"\\udc00\"}")).body("errors.field", hasItem("text"));
        refused(post("{\"text\":\"end\\ud83d\"}")).body("errors.field", hasItem("text"));
    }

    @Test
    void aListTooLongToCheckIsRefusedAtOnce() {
        String many = "[" + "\"x\",".repeat(100_000) + "\"x\"]";
        refused(post("{\"tags\":" + many + "}")).body("errors.field", hasItem("tags"))
                .body("detail", containsString("at most 10000"));
        post("{\"tags\":" + "[" + "\"x\",".repeat(9_999) + "\"x\"]}").statusCode(200);
    }

    @Test
    void aWrongTypeIsStillNamed() {
        refused(post("{\"tags\":\"not a list\"}")).body("errors.field", hasItem("tags"));
    }

    @Test
    void aNulInAQueryParameterIsNamed() {
        refused(given().urlEncodingEnabled(false).when().get("/echo/one?q=a%00b").then())
                .body("errors.field", hasItem("q")).body("detail", containsString("'q'"));
    }

    @Test
    void aNulInThePathIsRefused() {
        refused(given().urlEncodingEnabled(false).when().get("/echo/a%00b").then()).body("errors.field", hasItem("path"));
    }

    @Test
    void cleanParametersPass() {
        given().when().get("/echo/one?q=café").then().statusCode(200).body(equalTo("one:café"));
    }
}

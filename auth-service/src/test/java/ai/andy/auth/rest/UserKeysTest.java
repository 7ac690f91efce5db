package ai.andy.auth.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static ai.andy.auth.People.serviceToken;
import static ai.andy.auth.People.signupAndLogin;

import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.RedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(value = RedisResource.class, restrictToAnnotatedClass = true)
class UserKeysTest {
    @ConfigProperty(name = "andy.db.name")
    String database;

    @Test
    void keysAreWriteOnlyAndOpenOnlyForServices() throws Exception {
        String me = signupAndLogin();
        String other = signupAndLogin();
        String secret = "sk-proj-" + UUID.randomUUID();
        given().auth().oauth2(me).contentType(ContentType.JSON).body(Map.of("value", secret))
                .put("/api/me/keys/openai").then().statusCode(200)
                .body("kind", equalTo("openai")).body("last4", equalTo(secret.substring(secret.length() - 4)));

        String listed = given().auth().oauth2(me).get("/api/me/keys").then().statusCode(200)
                .body("$", hasSize(1)).extract().asString();
        assertThat(listed).doesNotContain(secret);
        given().auth().oauth2(other).get("/api/me/keys").then().statusCode(200).body("$", hasSize(0));
        assertThat(dumpContains(secret)).isFalse();

        String userId = given().auth().oauth2(me).get("/api/me").path("id");
        given().auth().oauth2(me).get("/internal/users/" + userId + "/keys/openai").then().statusCode(403);
        given().auth().oauth2(serviceToken()).get("/internal/users/" + userId + "/keys/openai").then().statusCode(200)
                .body("value", equalTo(secret));

        given().auth().oauth2(me).delete("/api/me/keys/openai").then().statusCode(204);
        given().auth().oauth2(me).delete("/api/me/keys/openai").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(serviceToken()).get("/internal/users/" + userId + "/keys/openai").then().statusCode(404);
    }

    @Test
    void unknownKindsAndEmptyValuesAreRefused() {
        String me = signupAndLogin();
        given().auth().oauth2(me).contentType(ContentType.JSON).body(Map.of("value", "x"))
                .put("/api/me/keys/github").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(me).contentType(ContentType.JSON).body(Map.of("value", " "))
                .put("/api/me/keys/twilio").then().statusCode(400).body("errors[0].field", equalTo("value"));
        given().contentType(ContentType.JSON).body(Map.of("value", "x")).put("/api/me/keys/openai").then().statusCode(401);
    }

    private boolean dumpContains(String secret) throws Exception {
        try (Connection db = PostgresResource.connect(database);
                ResultSet rows = db.createStatement().executeQuery("select coalesce(string_agg(t::text, ' '), '') from user_key t")) {
            rows.next();
            return rows.getString(1).contains(secret);
        }
    }
}

package ai.andy.auth.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ai.andy.testsupport.CloudEventRecords;
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.RedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(value = RedisResource.class, restrictToAnnotatedClass = true)
class SignupResourceTest {
    private static final String PASSWORD = "correct horse battery staple";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @ConfigProperty(name = "andy.db.name")
    String database;

    @Test
    void signupCreatesTheAccountAndAnnouncesIt() throws Exception {
        String email = uniqueEmail();
        String id = given().contentType(ContentType.JSON)
                .body(signup(email, PASSWORD, "Ada Lovelace", "Europe/London"))
                .post("/api/auth/signup")
                .then().statusCode(201)
                .header("Location", containsString("/api/me"))
                .body("email", equalTo(email))
                .body("displayName", equalTo("Ada Lovelace"))
                .body("timezone", equalTo("Europe/London"))
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("passwordHash")))
                .extract().path("id");

        var userCreated = kafka.consumeStrings().fromTopics("user.created");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> userCreated.getRecords().stream().anyMatch(r -> id.equals(r.key())));
        ConsumerRecord<String, String> event = userCreated.getRecords().stream()
                .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        userCreated.close();
        assertThat(CloudEventRecords.header(event, "ce_type")).isEqualTo("andy.user.created");
        assertThat(CloudEventRecords.header(event, "ce_source")).isEqualTo("/auth-service");
        assertThat(CloudEventRecords.header(event, "ce_subject")).isEqualTo(id);
        assertThat(CloudEventRecords.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(CloudEventRecords.header(event, "ce_id")).isNotBlank();
        assertThat(event.value()).contains("\"email\":\"" + email + "\"").doesNotContain(PASSWORD);
    }

    @Test
    void passwordIsStoredOnlyAsAHash() throws Exception {
        String email = uniqueEmail();
        given().contentType(ContentType.JSON).body(signup(email, PASSWORD, "Bo", "America/New_York"))
                .post("/api/auth/signup").then().statusCode(201);

        try (Connection db = PostgresResource.connect(database);
                ResultSet row = db.createStatement().executeQuery(
                        "select password_hash from app_user where email = '" + email + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).startsWith("$2").doesNotContain(PASSWORD);
        }
        assertThat(tableDumpContains(PASSWORD)).isFalse();
    }

    @Test
    void sameAddressInAnotherCaseIsAConflict() {
        String email = uniqueEmail();
        given().contentType(ContentType.JSON).body(signup(email, PASSWORD, "Cy", "Asia/Tokyo"))
                .post("/api/auth/signup").then().statusCode(201);

        given().contentType(ContentType.JSON).body(signup(email.toUpperCase(), "another good password", "Cy", "Asia/Tokyo"))
                .post("/api/auth/signup")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString("Sign in"));
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        given().contentType(ContentType.JSON)
                .body(signup("not-an-address", "short", " ", "Mars/Olympus_Mons"))
                .post("/api/auth/signup")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", notNullValue())
                .body("errors.field", contains("displayName", "email", "password", "timezone"));
    }

    @Test
    void commonPasswordIsRefused() {
        given().contentType(ContentType.JSON).body(signup(uniqueEmail(), "Password123", "Di", "Europe/Paris"))
                .post("/api/auth/signup")
                .then().statusCode(400)
                .body("errors.field", contains("password"))
                .body("errors[0].message", containsString("common"));
    }

    @Test
    void malformedJsonIsAClearBadRequest() {
        given().contentType(ContentType.JSON).body("{\"email\": \"x@example.org\", ")
                .post("/api/auth/signup")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"))
                .body(not(containsString("at io.")));

        given().contentType(ContentType.JSON).body("{\"email\": [1, 2]}")
                .post("/api/auth/signup")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"));

        given().contentType(ContentType.JSON).body("")
                .post("/api/auth/signup")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void wrongMediaTypeIsNamed() {
        given().contentType(ContentType.TEXT).body("email=x")
                .post("/api/auth/signup")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("application/json"));
    }

    private boolean tableDumpContains(String secret) throws SQLException {
        try (Connection db = PostgresResource.connect(database);
                ResultSet rows = db.createStatement().executeQuery(
                        "select string_agg(t::text, ' ') from app_user t union all"
                                + " select string_agg(o::text, ' ') from outbox_event o")) {
            while (rows.next()) {
                String dump = rows.getString(1);
                if (dump != null && dump.contains(secret)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String uniqueEmail() {
        return "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static String signup(String email, String password, String name, String zone) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"" + name
                + "\",\"timezone\":\"" + zone + "\"}";
    }
}

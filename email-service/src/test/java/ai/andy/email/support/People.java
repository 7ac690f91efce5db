package ai.andy.email.support;

import static ai.andy.testsupport.CloudEventRecords.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import ai.andy.testsupport.TestIdentity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** People for email-service tests: signed up the way auth-service announces them, with real signed tokens. */
public final class People {
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    public record Person(String userId, String email, String token) {
        public RequestSpecification api() {
            return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
        }
    }

    /** Publishes {@code user.created} and waits until the local mailbox has its demo inbox. */
    public static Person signUp(KafkaCompanion kafka, String name) {
        String userId = TestIdentity.newUserId();
        String email = name.toLowerCase() + "-" + userId.substring(0, 8) + "@andy.test";
        String payload = "{\"userId\":\"" + userId + "\",\"email\":\"" + email + "\",\"displayName\":\"" + name
                + "\",\"timezone\":\"Europe/Paris\"}";
        kafka.produceStrings().fromRecords(event("user.created", "/auth-service", userId, payload))
                .awaitCompletion(PATIENCE);
        Person person = new Person(userId, email, TestIdentity.accessToken(userId));
        await().atMost(PATIENCE).until(() -> person.api().get("/api/email/accounts").then().extract()
                .jsonPath().getString("[0].sync.lastSyncedAt") != null);
        return person;
    }

    private People() {
    }
}

package ai.andy.calendar.support;

import static ai.andy.testsupport.CloudEventRecords.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import ai.andy.testsupport.TestIdentity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** People for calendar-service tests: signed up the way auth-service announces them, with real signed tokens. */
public final class People {
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    public record Person(String userId, String token) {
        public RequestSpecification api() {
            return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
        }
    }

    /** Publishes {@code user.created} and waits until the local calendar exists. */
    public static Person signUp(KafkaCompanion kafka, String name, String zone) {
        String userId = TestIdentity.newUserId();
        String payload = "{\"userId\":\"" + userId + "\",\"email\":\"" + name.toLowerCase() + "@andy.test\","
                + "\"displayName\":\"" + name + "\",\"timezone\":\"" + zone + "\"}";
        kafka.produceStrings().fromRecords(event("user.created", "/auth-service", userId, payload))
                .awaitCompletion(PATIENCE);
        Person person = new Person(userId, TestIdentity.accessToken(userId));
        await().atMost(PATIENCE).until(() -> person.api().get("/api/calendar/calendars").then().extract()
                .jsonPath().getList("$").size() == 2);
        return person;
    }

    private People() {
    }
}

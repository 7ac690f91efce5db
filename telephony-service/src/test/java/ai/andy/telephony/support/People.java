package ai.andy.telephony.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;

import ai.andy.testsupport.TestIdentity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** People for telephony tests, each with a real signed access token and a fresh id. */
public final class People {
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    public record Person(String userId, String token) {
        public RequestSpecification api() {
            return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
        }
    }

    public static Person someone() {
        String userId = TestIdentity.newUserId();
        return new Person(userId, TestIdentity.accessToken(userId));
    }

    private People() {
    }
}

package ai.andy.auth;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;

/** People and services for tests, made through the public API as a client would. */
public final class People {
    public static final String PASSWORD = "a perfectly fine passphrase";

    /** Signs a new person up; returns their address. */
    public static String signup() {
        String email = "p" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "displayName", "Tess Ter", "timezone", "Europe/Oslo"))
                .post("/api/auth/signup").then().statusCode(201);
        return email;
    }

    /** Signs a new person up and in; returns their access token. */
    public static String signupAndLogin() {
        return login(signup());
    }

    public static String login(String email) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", newClientAddress())
                .body(Map.of("email", email, "password", PASSWORD)).post("/api/auth/login")
                .then().statusCode(200).extract().path("accessToken");
    }

    /**
     * A made-up client address, passed as the gateway would (X-Forwarded-For from a trusted proxy), so tests do not
     * share the per-address sign-in throttle.
     */
    public static String newClientAddress() {
        var random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A service token for email-service (its test secret is in the test profile). */
    public static String serviceToken() {
        return given().auth().preemptive().basic("email-service", "test-email-secret")
                .formParam("grant_type", "client_credentials").post("/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private People() {
    }
}

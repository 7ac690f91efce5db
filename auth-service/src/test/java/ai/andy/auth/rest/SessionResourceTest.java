package ai.andy.auth.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import ai.andy.auth.People;
import ai.andy.auth.security.SigningKeys;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.RedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(value = RedisResource.class, restrictToAnnotatedClass = true)
class SessionResourceTest {
    private static final String PASSWORD = People.PASSWORD;

    @Inject
    SigningKeys signingKeys;

    @Test
    void loginGivesTokensThatOpenTheProfile() throws Exception {
        String email = signup();
        Response tokens = login(email, PASSWORD, newAddress());
        tokens.then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("refreshToken", notNullValue());
        String access = tokens.path("accessToken");

        // The access token verifies against the published JWKS with Andy's claims.
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer("andy").setExpectedAudience("andy").build().processToClaims(access);
        assertThat(claims.getStringClaimValue("token_use")).isEqualTo("access");
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(lifetime).isLessThanOrEqualTo(15 * 60);

        given().auth().oauth2(access).get("/api/me").then().statusCode(200)
                .body("email", equalTo(email))
                .body("id", equalTo(claims.getSubject()))
                .body("preferences.chatRetentionDays", equalTo(30));
    }

    @Test
    void wrongPasswordAndUnknownAddressLookTheSame() {
        String email = signup();
        String address = newAddress();
        Response wrongPassword = login(email, "not the passphrase", address);
        Response unknown = login("nobody-" + UUID.randomUUID() + "@example.org", PASSWORD, address);
        wrongPassword.then().statusCode(401).contentType("application/problem+json");
        unknown.then().statusCode(401).contentType("application/problem+json");
        assertThat(wrongPassword.<String> path("detail")).isEqualTo(unknown.path("detail"));
    }

    @Test
    void refreshRotatesAndReuseEndsTheWholeSignIn() {
        String email = signup();
        Response first = login(email, PASSWORD, newAddress());
        String refresh1 = first.path("refreshToken");

        Response second = refresh(refresh1);
        second.then().statusCode(200).body("accessToken", notNullValue());
        String refresh2 = second.path("refreshToken");
        assertThat(refresh2).isNotEqualTo(refresh1);

        // The old token is dead; presenting it again is treated as theft and revokes the family...
        refresh(refresh1).then().statusCode(401).body("detail", containsString("already used"));
        // ...so the newest token is dead too.
        refresh(refresh2).then().statusCode(401);
    }

    @Test
    void logoutEndsTheSignIn() {
        String email = signup();
        String refresh = login(email, PASSWORD, newAddress()).path("refreshToken");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh))
                .post("/api/auth/logout").then().statusCode(204);
        refresh(refresh).then().statusCode(401);
    }

    @Test
    void profileNeedsAValidToken() throws Exception {
        given().get("/api/me").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");

        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId(signingKeys.signer().getKeyId()); // even claiming a real key id
        given().auth().oauth2(sign(claims("someone", 600), stranger.getPrivateKey(), stranger.getKeyId(),
                AlgorithmIdentifiers.RSA_USING_SHA256)).get("/api/me").then().statusCode(401);

        RsaJsonWebKey real = signingKeys.signer();
        given().auth().oauth2(sign(claims("someone", -120), real.getPrivateKey(), real.getKeyId(),
                AlgorithmIdentifiers.RSA_USING_SHA256)).get("/api/me")
                .then().statusCode(401).body("detail", containsString("expired"));

        JsonWebSignature none = new JsonWebSignature();
        none.setPayload(claims("someone", 600).toJson());
        none.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        none.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        given().auth().oauth2(none.getCompactSerialization()).get("/api/me").then().statusCode(401);
    }

    @Test
    void profileChangesAreValidatedAndKept() {
        String email = signup();
        String access = login(email, PASSWORD, newAddress()).path("accessToken");
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body("{\"timezone\":\"Asia/Tokyo\",\"preferences\":{\"workingHours\":{\"start\":\"08:30\","
                        + "\"end\":\"16:00\",\"days\":[\"TUESDAY\",\"MONDAY\"]},\"chatRetentionDays\":7}}")
                .patch("/api/me").then().statusCode(200)
                .body("timezone", equalTo("Asia/Tokyo"))
                .body("preferences.workingHours.start", equalTo("08:30:00"))
                .body("preferences.workingHours.days", equalTo(List.of("MONDAY", "TUESDAY")))
                .body("preferences.chatRetentionDays", equalTo(7));

        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body("{\"timezone\":\"Nowhere/Land\",\"displayName\":\"\",\"preferences\":{\"chatRetentionDays\":0}}")
                .patch("/api/me").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("displayName", "timezone", "preferences.chatRetentionDays")));

        given().auth().oauth2(access).get("/api/me").then().statusCode(200)
                .body("timezone", equalTo("Asia/Tokyo")).body("displayName", equalTo("Tess Ter"));
    }

    @Test
    void keyRotationSignsNobodyOut() throws Throwable {
        String email = signup();
        String before = login(email, PASSWORD, newAddress()).path("accessToken");
        String oldKid = signingKeys.signer().getKeyId();

        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> signingKeys.rotateNow(java.time.OffsetDateTime.now()));

        String newKid = signingKeys.signer().getKeyId();
        assertThat(newKid).isNotEqualTo(oldKid);
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", hasItem(oldKid)).body("keys.kid", hasItem(newKid));
        given().auth().oauth2(before).get("/api/me").then().statusCode(200);
        String after = login(email, PASSWORD, newAddress()).path("accessToken");
        given().auth().oauth2(after).get("/api/me").then().statusCode(200);
    }

    @Test
    void internalEndpointsTakeServiceTokensOnly() {
        String email = signup();
        Response session = login(email, PASSWORD, newAddress());
        String userToken = session.path("accessToken");
        String userId = given().auth().oauth2(userToken).get("/api/me").path("id");

        given().get("/internal/users/" + userId).then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2("not-a-token").get("/internal/users/" + userId + "/keys/openai").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(userToken).get("/internal/users/" + userId).then().statusCode(403)
                .contentType("application/problem+json");

        given().formParams(Map.of("grant_type", "client_credentials", "client_id", "email-service",
                "client_secret", "wrong")).post("/oauth2/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic("email-service", "test-email-secret")
                .formParam("grant_type", "client_credentials").post("/oauth2/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer"));
        String serviceToken = People.serviceToken();

        given().auth().oauth2(serviceToken).get("/internal/users/" + userId).then().statusCode(200)
                .body("email", equalTo(email)).body("timezone", equalTo("Europe/Oslo"));
        // A service token is not a person: it opens no one's /api/me.
        given().auth().oauth2(serviceToken).get("/api/me").then().statusCode(403);
    }

    @Inject
    io.quarkus.redis.datasource.RedisDataSource redis;

    @Test
    void anEndedSignInIsPutOnTheGatewaysDenyList() throws Exception {
        String email = signup();
        Response loggedOut = login(email, PASSWORD, newAddress());
        String sid = sessionOf(loggedOut.path("accessToken"));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", loggedOut.path("refreshToken")))
                .post("/api/auth/logout").then().statusCode(204);
        assertThat(redis.key().pttl("andy:session-revoked:" + sid)).isBetween(60_000L, 16 * 60_000L);

        // A refresh token presented twice ends its sign-in too; the rotated tokens name the same sign-in.
        Response stolen = login(email, PASSWORD, newAddress());
        String sid2 = sessionOf(stolen.path("accessToken"));
        Response rotated = refresh(stolen.path("refreshToken"));
        assertThat(sessionOf(rotated.path("accessToken"))).isEqualTo(sid2);
        assertThat(redis.key().exists("andy:session-revoked:" + sid2)).isFalse();
        refresh(stolen.path("refreshToken")).then().statusCode(401);
        assertThat(redis.key().exists("andy:session-revoked:" + sid2)).isTrue();
        assertThat(sid2).isNotEqualTo(sid);
    }

    private static String sessionOf(String accessToken) throws Exception {
        String sid = org.jose4j.jwt.JwtClaims.parse(new String(java.util.Base64.getUrlDecoder()
                .decode(accessToken.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8)).getStringClaimValue("sid");
        assertThat(sid).isNotBlank();
        return sid;
    }

    private static JwtClaims claims(String subject, int secondsToExpiry) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("andy");
        claims.setAudience("andy");
        claims.setSubject(subject);
        claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + secondsToExpiry));
        claims.setClaim("token_use", "access");
        return claims;
    }

    private static String sign(JwtClaims claims, java.security.Key key, String kid, String alg) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(alg);
        return jws.getCompactSerialization();
    }

    private static String signup() {
        return People.signup();
    }

    private static String newAddress() {
        return People.newClientAddress();
    }

    private static Response login(String email, String password, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("email", email, "password", password)).post("/api/auth/login");
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken)).post("/api/auth/refresh");
    }
}

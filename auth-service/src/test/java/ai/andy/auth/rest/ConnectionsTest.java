package ai.andy.auth.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;

import static ai.andy.auth.People.serviceToken;
import static ai.andy.auth.People.signupAndLogin;

import ai.andy.testsupport.CloudEventRecords;
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.InjectWireMock;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.RedisResource;
import ai.andy.testsupport.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Connecting accounts against WireMock fakes of Google's and Microsoft's OAuth endpoints, with their documented JSON. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(value = RedisResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WireMockResource.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(
        name = "properties", value = "andy.oauth.google.authorize-url=/google/auth,andy.oauth.google.token-url=/google/token,"
                + "andy.oauth.google.revoke-url=/google/revoke,andy.oauth.google.account-url=/google/userinfo,"
                + "andy.oauth.microsoft.authorize-url=/ms/authorize,andy.oauth.microsoft.token-url=/ms/token,"
                + "andy.oauth.microsoft.account-url=/graph/v1.0/me"))
class ConnectionsTest {
    private static final String GOOGLE_SCOPES = "openid https://www.googleapis.com/auth/gmail.readonly "
            + "https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/gmail.modify "
            + "https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.readonly "
            + "https://www.googleapis.com/auth/userinfo.email";

    @InjectWireMock
    WireMockServer providers;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @ConfigProperty(name = "andy.db.name")
    String database;

    @jakarta.inject.Inject
    ai.andy.auth.service.AccessTokenService keepAlive;

    @AfterEach
    void resetFakes() {
        providers.resetAll();
    }

    @Test
    void googleAccountConnectsWithPkceAndItsTokensAreNeverShownOrStoredInClear() throws Exception {
        String user = signupAndLogin();
        String access = "ya29.a0-" + UUID.randomUUID();
        String refresh = "1//0g-" + UUID.randomUUID();
        Map<String, String> authorize = startConnect(user, "google");

        assertThat(authorize.get("redirect_uri")).isEqualTo("http://localhost:8080/api/connections/callback/google");
        assertThat(authorize.get("response_type")).isEqualTo("code");
        assertThat(authorize.get("code_challenge_method")).isEqualTo("S256");
        assertThat(authorize.get("access_type")).isEqualTo("offline");
        assertThat(authorize.get("prompt")).isEqualTo("consent");
        assertThat(authorize.get("scope").split(" ")).contains("openid", "email",
                "https://www.googleapis.com/auth/gmail.readonly", "https://www.googleapis.com/auth/gmail.send",
                "https://www.googleapis.com/auth/gmail.modify", "https://www.googleapis.com/auth/calendar.events",
                "https://www.googleapis.com/auth/calendar.readonly", "https://www.googleapis.com/auth/tasks");
        // Scopes granted before (mail, for someone connected before tasks) are kept in the same grant.
        assertThat(authorize.get("include_granted_scopes")).isEqualTo("true");

        stubGoogleCodeExchange("4/0Ab-code", authorize.get("code_challenge"), access, refresh, 3599);
        providers.stubFor(get(urlPathEqualTo("/google/userinfo")).withHeader("Authorization", equalTo("Bearer " + access))
                .willReturn(okJson("{\"sub\":\"110248495921238986420\",\"email\":\"ada@gmail.com\",\"email_verified\":true}")));

        assertThat(callback("google", "4/0Ab-code", authorize.get("state"), null))
                .isEqualTo("http://localhost:8080/?connection=google&outcome=connected");

        String list = given().auth().oauth2(user).get("/api/connections").then().statusCode(200)
                .body("provider", hasItem("google")).body("account", hasItem("ada@gmail.com"))
                .body("provider", hasItem("local"))
                .extract().asString();
        assertThat(list).doesNotContain(access).doesNotContain(refresh);
        assertThat(dumpContains(access)).isFalse();
        assertThat(dumpContains(refresh)).isFalse();

        // The same callback again is a replay: refused, nothing added.
        assertThat(callback("google", "4/0Ab-code", authorize.get("state"), null)).contains("outcome=error&reason=invalid_state");
        assertThat(given().auth().oauth2(user).get("/api/connections").<List<?>> path("id")).hasSize(2);

        String connectionId = given().auth().oauth2(user).get("/api/connections").path("find { it.provider == 'google' }.id");
        var events = kafka.consumeStrings().fromTopics("connection.changed");
        await().atMost(Duration.ofSeconds(20)).until(() -> events.getRecords().stream()
                .anyMatch(r -> r.value().contains(connectionId) && r.value().contains("\"status\":\"active\"")));
        events.close();
    }

    @Test
    void forgedExpiredOrForeignStateIsRefusedAndNothingIsStored() throws Exception {
        String user = signupAndLogin();
        assertThat(callback("google", "any-code", "made-up-state", null)).contains("reason=invalid_state");

        Map<String, String> google = startConnect(user, "google");
        // A Google state presented at Microsoft's callback is not Microsoft's.
        assertThat(callback("microsoft", "any-code", google.get("state"), null)).contains("reason=invalid_state");

        Map<String, String> consent = startConnect(user, "google");
        assertThat(callback("google", null, consent.get("state"), "access_denied")).contains("reason=access_denied");

        providers.verify(0, postRequestedFor(urlPathEqualTo("/google/token")));
        assertThat(given().auth().oauth2(user).get("/api/connections").<List<?>> path("id")).hasSize(1);
    }

    @Test
    void codeExchangeWithTheWrongVerifierIsRefusedByTheProvider() throws Exception {
        String user = signupAndLogin();
        Map<String, String> authorize = startConnect(user, "google");
        // The fake only accepts the verifier whose S256 hash is this (another) challenge.
        stubGoogleCodeExchange("4/0Ab-code", "another-challenge-entirely-xxxxxxxxxxxxxxxxxx", "ya29.x", "1//x", 3599);
        assertThat(callback("google", "4/0Ab-code", authorize.get("state"), null)).contains("reason=provider_error");
        assertThat(given().auth().oauth2(user).get("/api/connections").<List<?>> path("id")).hasSize(1);
    }

    @Test
    void oneRefreshForAHundredConcurrentRequestsAndMicrosoftsRotatedRefreshTokenIsKept() throws Exception {
        String user = signupAndLogin();
        String connectionId = connectMicrosoft(user, "ms-access-1", "ms-refresh-1", 120); // expires within 5 minutes
        String service = serviceToken();
        String userId = given().auth().oauth2(user).get("/api/me").path("id");

        providers.stubFor(post(urlPathEqualTo("/ms/token")).withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=ms-refresh-1"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"scope\":\"Mail.ReadWrite Mail.Send Calendars.ReadWrite User.Read\","
                        + "\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\"ms-access-2\","
                        + "\"refresh_token\":\"ms-refresh-2\"}").withFixedDelay(300)));

        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Callable<String> call = () -> given().auth().oauth2(service)
                    .get("/internal/connections/" + connectionId + "/access-token?userId=" + userId)
                    .then().statusCode(200).extract().path("accessToken");
            answers.add(pool.submit(call));
        }
        for (Future<String> answer : answers) {
            assertThat(answer.get()).isEqualTo("ms-access-2");
        }
        pool.shutdown();
        providers.verify(1, postRequestedFor(urlPathEqualTo("/ms/token")).withRequestBody(containing("grant_type=refresh_token")));

        // The next refresh must present the rotated refresh token.
        try (Connection db = PostgresResource.connect(database)) {
            db.createStatement().executeUpdate("update connection set access_expires_at = now() where id = '" + connectionId + "'");
        }
        providers.stubFor(post(urlPathEqualTo("/ms/token")).withRequestBody(containing("refresh_token=ms-refresh-2"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"ms-access-3\","
                        + "\"refresh_token\":\"ms-refresh-3\"}")));
        given().auth().oauth2(service).get("/internal/connections/" + connectionId + "/access-token?userId=" + userId)
                .then().statusCode(200).body("accessToken", org.hamcrest.Matchers.equalTo("ms-access-3"));
    }

    @Test
    void revokedGrantAsksThePersonToReconnectOnceWithoutRetrying() throws Exception {
        String user = signupAndLogin();
        String connectionId = connectMicrosoft(user, "ms-access-a", "ms-refresh-a", 60);
        String userId = given().auth().oauth2(user).get("/api/me").path("id");
        providers.stubFor(post(urlPathEqualTo("/ms/token")).withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70000: The provided value for the "
                                + "'refresh_token' is not valid.\",\"error_codes\":[70000]}")));

        given().auth().oauth2(serviceToken()).get("/internal/connections/" + connectionId + "/access-token?userId=" + userId)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(serviceToken()).get("/internal/connections/" + connectionId + "/access-token?userId=" + userId)
                .then().statusCode(409);
        providers.verify(1, postRequestedFor(urlPathEqualTo("/ms/token")).withRequestBody(containing("grant_type=refresh_token")));
        given().auth().oauth2(user).get("/api/connections").then()
                .body("find { it.id == '" + connectionId + "' }.status", org.hamcrest.Matchers.equalTo("needs_reauth"));

        var notices = kafka.consumeStrings().fromTopics("notify.user");
        await().atMost(Duration.ofSeconds(20)).until(() -> notices.getRecords().stream().anyMatch(r -> userId.equals(r.key())
                && r.value().contains("connection.needs_reauth")
                && "andy.notify.user".equals(CloudEventRecords.header(r, "ce_type"))));
        notices.close();
    }

    @Test
    void tokensSealedUnderALostKeysetAskThePersonToReconnectInsteadOfFailing() throws Exception {
        String user = signupAndLogin();
        String connectionId = connectMicrosoft(user, "ms-access-lost", "ms-refresh-lost", 3600);
        String userId = given().auth().oauth2(user).get("/api/me").path("id");
        // What an operator who lost the keyset leaves behind: ciphertexts no key in the current keyset opens.
        try (Connection db = PostgresResource.connect(database);
                var update = db.prepareStatement("update connection set access_token = ?, refresh_token = ?"
                        + " where id = ?::uuid")) {
            byte[] foreign = new byte[64];
            new java.security.SecureRandom().nextBytes(foreign);
            update.setBytes(1, foreign);
            update.setBytes(2, foreign);
            update.setString(3, connectionId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        given().auth().oauth2(serviceToken()).get("/internal/connections/" + connectionId + "/access-token?userId=" + userId)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(user).get("/api/connections").then()
                .body("find { it.id == '" + connectionId + "' }.status", org.hamcrest.Matchers.equalTo("needs_reauth"));
    }

    @Test
    void disconnectRevokesAtGoogleAndOnlyTheOwnerCanDoIt() throws Exception {
        String owner = signupAndLogin();
        String stranger = signupAndLogin();
        Map<String, String> authorize = startConnect(owner, "google");
        stubGoogleCodeExchange("4/code-d", authorize.get("code_challenge"), "ya29.d", "1//refresh-d", 3599);
        providers.stubFor(get(urlPathEqualTo("/google/userinfo"))
                .willReturn(okJson("{\"sub\":\"1\",\"email\":\"cy@gmail.com\",\"email_verified\":true}")));
        callback("google", "4/code-d", authorize.get("state"), null);
        String id = given().auth().oauth2(owner).get("/api/connections").path("find { it.provider == 'google' }.id");
        providers.stubFor(post(urlPathEqualTo("/google/revoke")).willReturn(aResponse().withStatus(200)));

        given().auth().oauth2(stranger).delete("/api/connections/" + id).then().statusCode(404);
        given().auth().oauth2(owner).delete("/api/connections/" + id).then().statusCode(204);

        providers.verify(1, postRequestedFor(urlPathEqualTo("/google/revoke")).withRequestBody(containing("token=1%2F%2Frefresh-d")));
        assertThat(given().auth().oauth2(owner).get("/api/connections").<List<String>> path("provider")).containsExactly("local");
    }

    @Test
    void wrongClientCredentialsAtTheProviderEndInAClearErrorAndNothingStored() throws Exception {
        String user = signupAndLogin();
        Map<String, String> authorize = startConnect(user, "google");
        providers.stubFor(post(urlPathEqualTo("/google/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"The OAuth client was not found.\"}")));
        assertThat(callback("google", "4/0Ab-code", authorize.get("state"), null)).contains("reason=provider_error");
        assertThat(given().auth().oauth2(user).get("/api/connections").<List<?>> path("id")).hasSize(1);
    }

    @Test
    void unusedGrantsAreRefreshedDaily() throws Throwable {
        String user = signupAndLogin();
        String connectionId = connectMicrosoft(user, "ms-access-k", "ms-refresh-k", 3600);
        try (Connection db = PostgresResource.connect(database)) {
            db.createStatement().executeUpdate(
                    "update connection set last_refreshed_at = now() - interval '2 days' where id = '" + connectionId + "'");
        }
        providers.stubFor(post(urlPathEqualTo("/ms/token")).withRequestBody(containing("refresh_token=ms-refresh-k"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"ms-access-k2\","
                        + "\"refresh_token\":\"ms-refresh-k2\"}")));

        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> keepAlive.keepAlive());

        providers.verify(1, postRequestedFor(urlPathEqualTo("/ms/token")).withRequestBody(containing("refresh_token=ms-refresh-k")));
        given().auth().oauth2(user).get("/api/connections").then()
                .body("find { it.id == '" + connectionId + "' }.status", org.hamcrest.Matchers.equalTo("active"));
    }

    private void stubGoogleCodeExchange(String code, String challenge, String access, String refresh, int expiresIn) {
        providers.stubFor(post(urlPathEqualTo("/google/token")).atPriority(10)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}")));
        providers.stubFor(post(urlPathEqualTo("/google/token")).atPriority(1)
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + urlEncode(code)))
                .withRequestBody(containing("client_id=test-google-client"))
                .withRequestBody(containing("client_secret=test-google-secret"))
                .withRequestBody(containing("redirect_uri=" + urlEncode("http://localhost:8080/api/connections/callback/google")))
                .andMatching(pkceVerifierMatching(challenge))
                .willReturn(okJson("{\"access_token\":\"" + access + "\",\"expires_in\":" + expiresIn + ",\"refresh_token\":\""
                        + refresh + "\",\"scope\":\"" + GOOGLE_SCOPES + "\",\"token_type\":\"Bearer\"}")));
    }

    @Test
    void aGrantFromBeforeTasksListsWhatIsMissingAndConnectingAgainAsksForIt() throws Exception {
        String user = signupAndLogin();
        // Granted as Microsoft answers for an account connected before Andy asked for tasks.
        connectMicrosoft(user, "ms-access-" + UUID.randomUUID(), "ms-refresh-" + UUID.randomUUID(), 3600);
        given().auth().oauth2(user).get("/api/connections").then().statusCode(200)
                .body("find { it.provider == 'microsoft' }.scopes", hasItem("Calendars.ReadWrite"))
                .body("find { it.provider == 'microsoft' }.missingScopes",
                        org.hamcrest.Matchers.equalTo(List.of("Tasks.ReadWrite")))
                .body("find { it.provider == 'local' }.missingScopes", org.hamcrest.Matchers.equalTo(List.of()));

        Map<String, String> again = startConnect(user, "microsoft");
        assertThat(again.get("scope").split(" ")).contains("offline_access", "Calendars.ReadWrite", "Tasks.ReadWrite");
    }

    private String connectMicrosoft(String user, String access, String refresh, int expiresIn) throws Exception {
        Map<String, String> authorize = startConnect(user, "microsoft");
        providers.stubFor(post(urlPathEqualTo("/ms/token")).withRequestBody(containing("grant_type=authorization_code"))
                .andMatching(pkceVerifierMatching(authorize.get("code_challenge")))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"scope\":\"Mail.ReadWrite Mail.Send Calendars.ReadWrite "
                        + "User.Read\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
                        + ",\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh + "\"}")));
        providers.stubFor(get(urlPathEqualTo("/graph/v1.0/me")).willReturn(okJson(
                "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users/$entity\",\"displayName\":\"Bo\","
                        + "\"mail\":\"bo-" + UUID.randomUUID().toString().substring(0, 6) + "@contoso.com\","
                        + "\"userPrincipalName\":\"bo@contoso.onmicrosoft.com\",\"id\":\"87d349ed-44d7-43e1-9a83-5f2406dee5bd\"}")));
        assertThat(callback("microsoft", "M.C5-code", authorize.get("state"), null)).endsWith("outcome=connected");
        return given().auth().oauth2(user).get("/api/connections").path("find { it.provider == 'microsoft' }.id");
    }

    /** What the provider checks: base64url(SHA-256(code_verifier)) equals the challenge of the authorization request. */
    private static ValueMatcher<Request> pkceVerifierMatching(String challenge) {
        return new ValueMatcher<>() {
            @Override
            public MatchResult match(Request request) {
                String verifier = form(request.getBodyAsString()).get("code_verifier");
                if (verifier == null) {
                    return MatchResult.noMatch();
                }
                try {
                    byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                    return MatchResult.of(Base64.getUrlEncoder().withoutPadding().encodeToString(hash).equals(challenge));
                } catch (Exception e) {
                    return MatchResult.noMatch();
                }
            }
        };
    }

    private Map<String, String> startConnect(String user, String provider) {
        String url = given().auth().oauth2(user).post("/api/connections/" + provider).then().statusCode(200)
                .extract().path("authorizationUrl");
        return form(URI.create(url).getRawQuery());
    }

    private static String callback(String provider, String code, String state, String error) {
        var request = given().redirects().follow(false).queryParam("state", state);
        if (code != null) {
            request.queryParam("code", code);
        }
        if (error != null) {
            request.queryParam("error", error);
        }
        return request.get("/api/connections/callback/" + provider).then().statusCode(303).extract().header("Location");
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private boolean dumpContains(String secret) throws Exception {
        try (Connection db = PostgresResource.connect(database);
                ResultSet rows = db.createStatement().executeQuery("select coalesce(string_agg(t::text, ' '), '') from connection t"
                        + " union all select coalesce(string_agg(o::text, ' '), '') from outbox_event o")) {
            while (rows.next()) {
                if (rows.getString(1).contains(secret)) {
                    return true;
                }
            }
        }
        return false;
    }
}

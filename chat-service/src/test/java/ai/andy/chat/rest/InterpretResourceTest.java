package ai.andy.chat.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import ai.andy.testsupport.InjectAuthService;
import ai.andy.testsupport.InjectWireMock;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import ai.andy.testsupport.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * {@code POST /api/chat/interpret} with the offline engine: the person's time zone from auth-service and names from
 * the people they have mailed (email-service), both at the wire with Andy's service token.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "chat"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WireMockResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "properties", value = "quarkus.rest-client.email-service.url"))
class InterpretResourceTest {
    @InjectAuthService
    WireMockServer auth;

    @InjectWireMock
    WireMockServer email;

    String userId;

    @BeforeEach
    void person() {
        userId = TestIdentity.newUserId();
        auth.stubFor(get(urlPathEqualTo("/internal/users/" + userId)).willReturn(okJson(
                "{\"id\":\"" + userId + "\",\"timezone\":\"Asia/Kolkata\",\"email\":\"p@example.org\"}")));
        email.stubFor(get(urlPathEqualTo("/internal/people")).atPriority(10).willReturn(okJson("[]")));
    }

    @Test
    void todaysUnreadMailInTheGivenZone() {
        as(userId).body(Map.of("text", "show my unread emails from today", "now", "2026-11-28T15:30:00Z",
                        "timezone", "America/New_York"))
                .post("/api/chat/interpret").then().statusCode(200)
                .body("intents[0].intent", equalTo("email.list"))
                .body("intents[0].params.unreadOnly", equalTo(true))
                .body("intents[0].params.since", equalTo("2026-11-28T00:00:00-05:00"))
                .body("clarification", nullValue());
    }

    @Test
    void withoutAZoneThePersonsOwnIsUsed() {
        as(userId).body(Map.of("text", "remind me to buy milk tomorrow at 2pm", "now", "2026-11-28T15:30:00Z"))
                .post("/api/chat/interpret").then().statusCode(200)
                .body("intents[0].intent", equalTo("task.create"))
                .body("intents[0].params.due", equalTo("2026-11-29T14:00:00+05:30"));
        auth.verify(getRequestedFor(urlPathEqualTo("/internal/users/" + userId))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void namesResolveAgainstThePeopleThePersonHasMailed() {
        email.stubFor(get(urlPathEqualTo("/internal/people")).withQueryParam("userId", WireMock.equalTo(userId))
                .withQueryParam("name", WireMock.equalToIgnoreCase("sarah"))
                .willReturn(okJson("[{\"name\":\"Sarah Chen\",\"address\":\"sarah.chen@example.com\",\"messages\":4}]")));
        as(userId).body(Map.of("text", "email Sarah saying the report is done", "timezone", "Europe/Paris"))
                .post("/api/chat/interpret").then().statusCode(200)
                .body("intents[0].intent", equalTo("email.send"))
                .body("intents[0].params.to[0].address", equalTo("sarah.chen@example.com"))
                .body("intents[0].params.body", equalTo("The report is done"));
        email.verify(getRequestedFor(urlPathEqualTo("/internal/people"))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void twoPeopleOfTheSameNameGetOneQuestionNotAGuess() {
        email.stubFor(get(urlPathEqualTo("/internal/people")).withQueryParam("name", WireMock.equalToIgnoreCase("sarah"))
                .willReturn(okJson("[{\"name\":\"Sarah Chen\",\"address\":\"sarah.chen@example.com\",\"messages\":4},"
                        + "{\"name\":\"Sarah Okafor\",\"address\":\"sarah.o@example.org\",\"messages\":2}]")));
        String question = as(userId).body(Map.of("text", "email Sarah saying hi", "timezone", "Europe/Paris"))
                .post("/api/chat/interpret").then().statusCode(200).extract().path("clarification");
        assertThat(question).contains("sarah.chen@example.com").contains("sarah.o@example.org");
        as(userId).body(Map.of("text", "email Sarah saying hi", "timezone", "Europe/Paris"))
                .post("/api/chat/interpret").then().body("intents.size()", equalTo(0));
    }

    @Test
    void whenEmailServiceIsDownNamesStayAsNamed() {
        email.stubFor(get(urlPathEqualTo("/internal/people")).willReturn(aResponse().withStatus(503)));
        as(userId).body(Map.of("text", "email Dana saying running late", "timezone", "Europe/Paris"))
                .post("/api/chat/interpret").then().statusCode(200)
                .body("intents[0].params.to[0].name", equalTo("Dana"))
                .body("intents[0].params.to[0].address", nullValue());
    }

    @Test
    void notUnderstoodSaysWhatAndyCanDo() {
        as(userId).body(Map.of("text", "what is the meaning of life", "timezone", "Europe/Paris"))
                .post("/api/chat/interpret").then().statusCode(200)
                .body("intents.size()", equalTo(0)).body("help", org.hamcrest.Matchers.containsString("email"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        as(userId).body(Map.of("text", "call mom", "timezone", "Mars/Olympus")).post("/api/chat/interpret").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("timezone"));
        as(userId).body(Map.of("text", "call mom", "now", "yesterday")).post("/api/chat/interpret").then()
                .statusCode(400).body("errors.field", hasItem("now"));
        as(userId).body(Map.of("text", " ")).post("/api/chat/interpret").then().statusCode(400)
                .contentType("application/problem+json");
        as(userId).body("{\"text\": ").post("/api/chat/interpret").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("text", "call mom")).post("/api/chat/interpret").then()
                .statusCode(401);
    }

    private static RequestSpecification as(String userId) {
        return given().auth().oauth2(TestIdentity.accessToken(userId)).contentType(ContentType.JSON);
    }
}

package ai.andy.email.rest;

import static ai.andy.email.support.People.PATIENCE;
import static ai.andy.testsupport.CloudEventRecords.event;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import ai.andy.email.fakes.FakeGraph;
import ai.andy.email.support.People;
import ai.andy.email.support.People.Person;
import ai.andy.testsupport.AndyServiceTest;
import ai.andy.testsupport.Database;
import ai.andy.testsupport.InjectAuthService;
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A connected Outlook account through the whole service: the Graph SDK against a fake speaking Graph's JSON, change
 * notifications checked by clientState, and the person's view through the API.
 */
@QuarkusTest
@AndyServiceTest(service = "email", providerFake = "andy.email.graph.base-url=/v1.0")
class OutlookMailboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectWireMock
    WireMockServer graphServer;

    @InjectAuthService
    WireMockServer auth;

    @ConfigProperty(name = "andy.db.name")
    String database;

    FakeGraph graph;
    Person ada;
    String accountId;

    @BeforeEach
    void connectOutlook() {
        graph = new FakeGraph(graphServer).mailbox(40, 15);
        ada = People.signUp(kafka, "Ada");
        UUID connectionId = UUID.randomUUID();
        auth.stubFor(get(urlPathEqualTo("/internal/connections/" + connectionId + "/access-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"accessToken\":\"graph-" + connectionId + "\",\"expiresAt\":\""
                                + OffsetDateTime.now().plusHours(1) + "\",\"provider\":\"microsoft\",\"account\":\""
                                + graph.owner().address() + "\"}")));
        String payload = "{\"connectionId\":\"" + connectionId + "\",\"provider\":\"microsoft\",\"account\":\""
                + graph.owner().address() + "\",\"status\":\"active\"}";
        kafka.produceStrings().fromRecords(event("connection.changed", "/auth-service", ada.userId(), payload))
                .awaitCompletion(PATIENCE);
        await().atMost(PATIENCE).until(() -> outlook().getBoolean("push"));
        accountId = outlook().getString("id");
    }

    @Test
    void connectingOutlookSyncsMetadataAndSubscribesToChanges() throws Exception {
        JsonPath account = outlook();
        assertThat(account.getString("sync.phase")).isEqualTo("idle");
        assertThat(account.getInt("sync.done")).isEqualTo(40);
        List<String> subjects = ada.api().queryParam("account", accountId).queryParam("limit", 100)
                .get("/api/email/messages").then().statusCode(200).extract().jsonPath()
                .getList("messages.subject", String.class);
        assertThat(subjects).hasSize((int) graph.messages().stream()
                .filter(m -> !"deleteditems".equals(m.folder())).count());
        assertThat(graph.requests(FakeGraph.path("/subscriptions"))).hasSize(1);

        // Reading a message fetches its body from Graph; none of it is kept in the database.
        String id = ada.api().queryParam("account", accountId).queryParam("limit", 1).get("/api/email/messages")
                .then().extract().path("messages[0].id");
        ada.api().get("/api/email/messages/" + id).then().statusCode(200)
                .body("body", org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString(
                        FakeGraph.BODY_MARKER)));
        String dump = Database.of(database).dump();
        assertThat(dump).contains(graph.owner().address()).doesNotContain(FakeGraph.BODY_MARKER);
    }

    @Test
    void graphsValidationHandshakeIsEchoed() {
        given().queryParam("validationToken", "Validation: Token 123").contentType(ContentType.TEXT)
                .post("/api/email/push/graph").then().statusCode(200).contentType(ContentType.TEXT)
                .body(equalTo("Validation: Token 123"));
        given().queryParam("validationToken", "abc").post("/api/email/push/graph/lifecycle").then().statusCode(200)
                .body(equalTo("abc"));
    }

    @Test
    void aNotificationWithTheRightClientStateBringsTheChanges() throws Exception {
        FakeGraph.Changes changes = graph.changeMailbox(2, 0, 0, 0);
        String subject = graph.message(changes.added().get(0)).subject();

        given().contentType(ContentType.JSON).body(notification(pushId(), clientState()))
                .post("/api/email/push/graph").then().statusCode(202);

        await().atMost(PATIENCE).until(() -> ada.api().queryParam("account", accountId).queryParam("limit", 100)
                .get("/api/email/messages").then().extract().jsonPath().getList("messages").size()
                == (int) graph.messages().stream().filter(m -> !"deleteditems".equals(m.folder())).count());
        assertThat(ada.api().queryParam("account", accountId).queryParam("limit", 5).get("/api/email/messages")
                .then().extract().jsonPath().getList("messages.subject", String.class)).contains(subject);
    }

    @Test
    void aNotificationWithAWrongClientStateIsRefused() throws Exception {
        given().contentType(ContentType.JSON).body(notification(pushId(), "guessed-secret"))
                .post("/api/email/push/graph").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(notification("no-such-subscription", clientState()))
                .post("/api/email/push/graph").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"nothing\": true}").post("/api/email/push/graph").then()
                .statusCode(400);
    }

    private String notification(String subscriptionId, String clientState) throws Exception {
        return JSON.writeValueAsString(Map.of("value", List.of(Map.of("subscriptionId", subscriptionId,
                "clientState", clientState, "changeType", "created", "resource", "Users/x/Messages/y",
                "resourceData", Map.of("id", "y")))));
    }

    private String pushId() throws Exception {
        return column("push_id");
    }

    private String clientState() throws Exception {
        return column("push_secret");
    }

    private String column(String name) throws Exception {
        return column(name, "mail_account", accountId);
    }

    private String column(String name, String table, String id) throws Exception {
        return Database.of(database).value("select " + name + " from " + table + " where id = ?::uuid", id);
    }

    private JsonPath outlook() {
        JsonPath all = ada.api().get("/api/email/accounts").then().statusCode(200).extract().jsonPath();
        Map<String, Object> found = all.getMap("find { it.provider == 'outlook' }");
        try {
            return new JsonPath(found == null ? "{\"push\":false,\"sync\":{}}" : JSON.writeValueAsString(found));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

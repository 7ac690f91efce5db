package ai.andy.email.rest;

import static ai.andy.email.support.People.PATIENCE;
import static ai.andy.testsupport.CloudEventRecords.event;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import ai.andy.email.fakes.FakeGmail;
import ai.andy.email.fakes.FakeGmailMailbox;
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
 * A connected Gmail account through the whole service: auth-service hands out the token (at the wire), the real
 * Gmail SDK talks to a fake speaking Gmail's JSON, and the person sees their mail through the API.
 */
@QuarkusTest
@AndyServiceTest(service = "email", providerFake = "andy.email.gmail.root-url")
class GmailMailboxTest {
    private static FakeGmail fake;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectWireMock
    WireMockServer gmailFront;

    @InjectAuthService
    WireMockServer auth;

    @ConfigProperty(name = "andy.db.name")
    String database;

    Person ada;
    String accountId;
    FakeGmailMailbox mailbox;
    UUID connectionId;

    @BeforeEach
    void connectGmail() {
        if (fake == null) {
            fake = FakeGmail.start().proxyFrom(gmailFront);
        }
        fake.noQuota();
        ada = People.signUp(kafka, "Ada");
        String token = "ya29.test-" + UUID.randomUUID();
        mailbox = fake.addMailbox(token, "ada." + ada.userId().substring(0, 8) + "@gmail.test", 120);
        connectionId = UUID.randomUUID();
        auth.stubFor(get(urlPathEqualTo("/internal/connections/" + connectionId + "/access-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"accessToken\":\"" + token + "\",\"expiresAt\":\"" + OffsetDateTime.now().plusHours(1)
                                + "\",\"provider\":\"google\",\"account\":\"" + mailbox.address() + "\"}")));
        connection("active");
        await().atMost(PATIENCE).until(() -> "idle".equals(gmailAccount().getString("sync.phase"))
                && gmailAccount().getString("sync.lastSyncedAt") != null);
        accountId = gmailAccount().getString("id");
    }

    @AfterAll
    static void stopFake() {
        if (fake != null) {
            fake.stop();
            fake = null;
        }
    }

    @Test
    void connectingGmailSyncsItsMetadataWithProgressAndPush() {
        JsonPath account = gmailAccount();
        assertThat(account.getInt("sync.done")).isEqualTo(120);
        assertThat(account.getInt("sync.total")).isEqualTo(120);
        await().atMost(PATIENCE).until(() -> gmailAccount().getBoolean("push"));
        assertThat(mailbox.calls("users.watch")).isEqualTo(1);

        List<String> ids = new ArrayList<>();
        String cursor = "";
        do {
            JsonPath page = ada.api().queryParam("account", accountId).queryParam("limit", 50)
                    .queryParam("cursor", cursor).get("/api/email/messages").then().statusCode(200).extract()
                    .jsonPath();
            ids.addAll(page.getList("messages.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(ids).hasSize(120).doesNotHaveDuplicates();
    }

    @Test
    void readingAMessageFetchesItsBodyOnceAndSanitizesHtml() {
        String id = ada.api().queryParam("account", accountId).queryParam("limit", 1).get("/api/email/messages")
                .then().extract().path("messages[0].id");
        long fetchesBefore = mailbox.calls("messages.get");
        ada.api().get("/api/email/messages/" + id).then().statusCode(200)
                .body("body.text", containsString(FakeGmailMailbox.BODY_MARKER))
                .body("body.html", not(containsString("<script")));
        ada.api().get("/api/email/messages/" + id).then().statusCode(200);
        assertThat(mailbox.calls("messages.get") - fetchesBefore).as("second read served from the 1-hour cache")
                .isEqualTo(1);
    }

    @Test
    void noBodyTextReachesTheDatabase() throws Exception {
        String id = ada.api().queryParam("account", accountId).queryParam("limit", 1).get("/api/email/messages")
                .then().extract().path("messages[0].id");
        ada.api().get("/api/email/messages/" + id).then().statusCode(200);
        String dump = Database.of(database).dump();
        assertThat(dump).contains(mailbox.address()).doesNotContain(FakeGmailMailbox.BODY_MARKER);
    }

    @Test
    void aPushBringsNewMailAndAnnouncesIt() {
        String newId = mailbox.deliver("Grace Hopper <grace.hopper@navy.test>", "Compiler meeting", "Tomorrow at 10?");
        given().contentType(ContentType.JSON).body(push(mailbox.address(), mailbox.historyId()))
                .post("/api/email/push/gmail?token=test-push-token").then().statusCode(204);

        await().atMost(PATIENCE).until(() -> ada.api().queryParam("from", "grace.hopper@navy.test").get("/api/email/messages").then()
                .extract().jsonPath().getList("messages").size() == 1);
        List<ConsumerRecord<String, String>> received = kafka.consumeStrings().fromTopics("email.received")
                .awaitRecords(1, PATIENCE).getRecords();
        assertThat(received).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo(ada.userId());
            assertThat(r.value()).contains("Compiler meeting");
        });
        assertThat(newId).isNotBlank();
    }

    @Test
    void aPushWithoutTheRightTokenIsRefusedAndSyncsNothing() {
        long historyCallsBefore = mailbox.calls("history.list");
        mailbox.deliver("Mallory <mallory@evil.test>", "Open me", "...");
        String body = push(mailbox.address(), mailbox.historyId());
        given().contentType(ContentType.JSON).body(body).post("/api/email/push/gmail?token=guess").then()
                .statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).post("/api/email/push/gmail").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"message\":{}}")
                .post("/api/email/push/gmail?token=test-push-token").then().statusCode(400);

        // The marker: a genuine push afterwards. Once its sync has filed the marker mail, a sync the refused pushes
        // had started would have run too (one sync per mailbox at a time, a request meanwhile runs it again).
        mailbox.deliver("Marker <marker@example.test>", "Marker", "...");
        given().contentType(ContentType.JSON).body(push(mailbox.address(), mailbox.historyId()))
                .post("/api/email/push/gmail?token=test-push-token").then().statusCode(204);
        await().atMost(PATIENCE).until(() -> ada.api().queryParam("from", "marker@example.test")
                .get("/api/email/messages").then().extract().jsonPath().getList("messages").size() == 1);
        await().atMost(PATIENCE).until(() -> "idle".equals(gmailAccount().getString("sync.phase")));
        assertThat(mailbox.calls("history.list")).as("only the genuine push synced")
                .isEqualTo(historyCallsBefore + 1);
    }

    @Test
    void anExpiredHistoryIdLeadsToAFullResync() {
        String gone = mailbox.ids().get(0);
        String goneSubject = mailbox.header(gone, "Subject");
        mailbox.expireHistory();
        mailbox.delete(gone);
        mailbox.deliver("Katherine Johnson <kj@nasa.test>", "Trajectory numbers", "Attached.");
        given().contentType(ContentType.JSON).body(push(mailbox.address(), mailbox.historyId()))
                .post("/api/email/push/gmail?token=test-push-token").then().statusCode(204);

        await().atMost(PATIENCE).until(() -> ada.api().queryParam("from", "kj@nasa.test").get("/api/email/messages")
                .then().extract().jsonPath().getList("messages").size() == 1);
        await().atMost(PATIENCE).until(() -> "idle".equals(gmailAccount().getString("sync.phase")));
        assertThat(mailbox.calls("users.getProfile")).as("a second full sync ran").isGreaterThanOrEqualTo(2);
        assertThat(ada.api().queryParam("account", accountId).queryParam("q", goneSubject)
                .get("/api/email/messages").then().statusCode(200).extract().jsonPath()
                .getList("messages.subject", String.class)).doesNotContain(goneSubject);
        assertThat(gmailAccount().getInt("sync.done")).isEqualTo(120);
    }

    @Test
    void aThrottlingStormIsRetriedWithoutThePersonSeeingAnError() {
        fake.failNext("messages.list", 3, 429, 1);
        ada.api().queryParam("q", "from:" + mailbox.address()).queryParam("account", accountId)
                .get("/api/email/messages").then().statusCode(200);
        assertThat(mailbox.injectedFailures()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void sendsThroughGmailOnceAndFilesTheSentCopy() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> mail = Map.of("account", accountId, "to", List.of("bob@example.org"),
                "subject", "Quarterly numbers", "body", "Here they are.");
        String first = ada.api().header("Idempotency-Key", key).body(mail).post("/api/email/messages").then()
                .statusCode(201).extract().path("id");
        String again = ada.api().header("Idempotency-Key", key).body(mail).post("/api/email/messages").then()
                .statusCode(200).extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(mailbox.calls("messages.send")).isEqualTo(1);
        ada.api().get("/api/email/messages/" + first).then().statusCode(200)
                .body("subject", org.hamcrest.Matchers.equalTo("Quarterly numbers"));
    }

    @Test
    void aRemovedConnectionTakesItsMailboxAndMetadataAway() throws Exception {
        connection("revoked");
        await().atMost(PATIENCE).until(() -> ada.api().get("/api/email/accounts").then().extract().jsonPath()
                .getList("findAll { it.provider == 'gmail' }").isEmpty());
        assertThat(ada.api().queryParam("account", accountId).get("/api/email/messages").then().statusCode(404)
                .contentType("application/problem+json"));
        assertThat(Database.of(database).count("select count(*) from mail_message where account_id = ?::uuid",
                accountId)).isZero();
    }

    private void connection(String status) {
        String payload = "{\"connectionId\":\"" + connectionId + "\",\"provider\":\"google\",\"account\":\""
                + mailbox.address() + "\",\"status\":\"" + status + "\"}";
        kafka.produceStrings().fromRecords(event("connection.changed", "/auth-service", ada.userId(), payload))
                .awaitCompletion(PATIENCE);
    }

    private JsonPath gmailAccount() {
        JsonPath all = ada.api().get("/api/email/accounts").then().statusCode(200).extract().jsonPath();
        Map<String, Object> gmail = all.getMap("find { it.provider == 'gmail' }");
        return gmail == null ? new JsonPath("{\"sync\":{}}") : new JsonPath(toJson(gmail));
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String push(String address, long historyId) {
        String data = Base64.getEncoder().encodeToString(("{\"emailAddress\":\"" + address + "\",\"historyId\":"
                + historyId + "}").getBytes(StandardCharsets.UTF_8));
        return "{\"message\":{\"data\":\"" + data + "\",\"messageId\":\"" + UUID.randomUUID()
                + "\",\"publishTime\":\"2026-11-28T10:00:00Z\"},\"subscription\":\"projects/andy-test/subscriptions/mail\"}";
    }
}

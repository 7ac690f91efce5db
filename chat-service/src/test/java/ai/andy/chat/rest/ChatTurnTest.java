package ai.andy.chat.rest;

import static ai.andy.testsupport.CloudEventRecords.event;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import ai.andy.chat.IntentsOnTheBus;
import ai.andy.testsupport.InjectAuthService;
import ai.andy.testsupport.InjectKafkaCompanion;
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
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Chat turns end to end inside chat-service: the offline engine, intents on the real Kafka broker (the test answers
 * for email-service at the event contract, as email-service's own IntentConsumerTest proves it does), the SSE stream,
 * the confirmation gate and history at rest.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "chat"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WireMockResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "properties", value = "quarkus.rest-client.email-service.url"))
class ChatTurnTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @InjectAuthService
    WireMockServer auth;

    @InjectWireMock
    WireMockServer email;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @ConfigProperty(name = "andy.db.name")
    String database;

    String userId;
    IntentsOnTheBus intents;

    @BeforeEach
    void person() {
        userId = TestIdentity.newUserId();
        auth.stubFor(get(urlPathEqualTo("/internal/users/" + userId)).willReturn(okJson("{\"id\":\"" + userId
                + "\",\"timezone\":\"Europe/Paris\",\"preferences\":{\"chatRetentionDays\":30}}")));
        email.stubFor(get(urlPathEqualTo("/internal/people")).willReturn(okJson("[]")));
        await().atMost(PATIENCE).until(() -> given().get("/q/health/ready").statusCode() == 200);
        intents = IntentsOnTheBus.watch(kafka, userId);
    }

    @AfterEach
    void stopWatching() {
        intents.stop();
    }

    RequestSpecification as(String who) {
        return given().auth().oauth2(TestIdentity.accessToken(who)).contentType(ContentType.JSON);
    }

    String newConversation() {
        return as(userId).body("{}").post("/api/chat/conversations").then().statusCode(201).extract().path("id");
    }

    @Test
    void unreadMailFromTodayIsAskedOverKafkaAndStreamedBack() throws Exception {
        String conversation = newConversation();
        CompletableFuture<List<Sse>> turn = CompletableFuture.supplyAsync(() -> say(conversation,
                "show my unread emails from today"));

        JsonNode intent = intents.first("email.list", PATIENCE);
        assertThat(intent.path("params").path("unreadOnly").asBoolean()).isTrue();
        assertThat(intent.path("params").path("since").asText())
                .startsWith(LocalDate.now(ZoneId.of("Europe/Paris")).toString());
        answer(intent, "ok", Map.of("messages", List.of(
                Map.of("id", "m1", "from", Map.of("name", "Sarah Chen", "address", "sarah@example.com"),
                        "subject", "Quarterly report", "receivedAt", java.time.Instant.now().toString(),
                        "unread", true),
                Map.of("id", "m2", "from", Map.of("address", "ops@example.com"), "subject", "Deploy done",
                        "receivedAt", java.time.Instant.now().toString(), "unread", true)),
                "count", 2, "more", false), null);

        List<Sse> events = turn.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(events.get(0).name()).isEqualTo("turn");
        assertThat(events.stream().map(Sse::name)).contains("progress").endsWith("done");
        String streamed = tokens(events);
        assertThat(streamed).contains("You have 2 unread emails").contains("Sarah Chen: Quarterly report")
                .contains("ops@example.com: Deploy done");
        assertThat(events.stream().filter(e -> e.name().equals("token")).count()).isGreaterThan(5);
        assertThat(last(events).data().path("text").asText()).isEqualTo(streamed);

        // The conversation keeps both sides, titled by what the person said.
        as(userId).get("/api/chat/conversations/" + conversation).then().statusCode(200)
                .body("title", equalTo("show my unread emails from today"))
                .body("messages.size()", equalTo(2))
                .body("messages[0].role", equalTo("user"))
                .body("messages[1].text", containsString("Quarterly report"));
    }

    @Test
    void whatDidNotAnswerIsSaidInThePersonsWordsNotAsAnInternalService() {
        String conversation = newConversation();
        List<Sse> events = say(conversation, "show my unread emails");
        assertThat(events.stream().filter(e -> e.name().equals("error")).map(e -> e.data().path("message").asText()))
                .singleElement().asString().contains("I could not reach your mail in time (3 s)")
                .doesNotContain("-service");
        assertThat(last(events).name()).isEqualTo("done");
    }

    @Test
    void aSendBecomesAPendingActionAndOnlyAConfirmationReleasesItOnce() throws Exception {
        String conversation = newConversation();
        List<Sse> events = say(conversation, "email bob@example.com saying the deploy is finished");
        JsonNode action = events.stream().filter(e -> e.name().equals("action")).findFirst().orElseThrow().data();
        assertThat(action.path("status").asText()).isEqualTo("pending");
        assertThat(action.path("summary").asText())
                .isEqualTo("Send an email to bob@example.com: \u201cThe deploy is finished\u201d");
        assertThat(tokens(events)).contains("Please confirm");
        String id = action.path("id").asText();

        // Nothing went to email-service on the engine's say-so.
        assertThat(intents.named("email.send")).isEmpty();
        as(userId).get("/api/chat/actions?status=pending").then().statusCode(200)
                .body("actions.id", org.hamcrest.Matchers.hasItem(id));
        // Someone else cannot see or confirm it.
        String mallory = TestIdentity.newUserId();
        as(mallory).post("/api/chat/actions/" + id + "/confirm").then().statusCode(404);
        as(mallory).get("/api/chat/actions/" + id).then().statusCode(404);

        CompletableFuture<JsonNode> confirmed = CompletableFuture.supplyAsync(() -> {
            try {
                return JSON.readTree(as(userId).post("/api/chat/actions/" + id + "/confirm").then().statusCode(200)
                        .extract().asString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode send = intents.first("email.send", PATIENCE);
        assertThat(send.path("requestId").asText()).isEqualTo(id);
        assertThat(send.path("params").path("body").asText()).isEqualTo("The deploy is finished");
        answer(send, "ok", Map.of("message", Map.of("id", "sent-1")), null);
        JsonNode done = confirmed.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(done.path("status").asText()).isEqualTo("executed");

        // A second confirmation is refused and releases nothing.
        as(userId).post("/api/chat/actions/" + id + "/confirm").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("only once"));
        Thread.sleep(1500);
        assertThat(intents.named("email.send")).hasSize(1);
        // The outcome is said in the conversation.
        await().atMost(PATIENCE).untilAsserted(() -> as(userId).get("/api/chat/conversations/" + conversation)
                .then().body("messages[-1].text", containsString("Done: Send an email to bob@example.com")));
    }

    @Test
    void aRejectedActionCannotBeConfirmedAfterwards() {
        String conversation = newConversation();
        String id = say(conversation, "text +1 415 555 0100 that I'm running late").stream()
                .filter(e -> e.name().equals("action")).findFirst().orElseThrow().data().path("id").asText();
        as(userId).post("/api/chat/actions/" + id + "/reject").then().statusCode(200)
                .body("status", equalTo("rejected"));
        as(userId).post("/api/chat/actions/" + id + "/confirm").then().statusCode(409)
                .body("detail", containsString("rejected"));
        assertThat(intents.named("sms.send")).isEmpty();
    }

    @Test
    void aMessageSentAgainWithItsIdempotencyKeyReplaysTheAnswerInsteadOfActingTwice() {
        String conversation = newConversation();
        String text = "text +1 415 555 0100 that the train is late";
        List<Sse> first = say(conversation, text, "retry-1");
        List<Sse> again = say(conversation, text, "retry-1");

        assertThat(last(again).data().path("messageId").asText()).isEqualTo(last(first).data().path("messageId")
                .asText());
        assertThat(tokens(again)).isEqualTo(tokens(first)).contains("Please confirm");
        // One question, one answer, one action: the retry ran nothing.
        as(userId).get("/api/chat/conversations/" + conversation).then().body("messages.size()", equalTo(2));
        assertThat(as(userId).get("/api/chat/actions?status=pending").then().extract().jsonPath()
                .getList("actions")).hasSize(1);
        // The key belongs to that message: another conversation cannot reuse it.
        as(userId).accept("text/event-stream").header("Idempotency-Key", "retry-1").body(Map.of("text", text))
                .post("/api/chat/conversations/" + newConversation() + "/messages").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aRecipientWithoutAnAddressIsAskedForNotGuessed() {
        String conversation = newConversation();
        List<Sse> events = say(conversation, "email Dana saying running late");
        assertThat(events).noneMatch(e -> e.name().equals("action"));
        assertThat(tokens(events)).contains("I don't know Dana's email address");
    }

    @Test
    void conversationsAreThePersonsOwnAndPaged() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(as(userId).body(Map.of("title", "Chat " + i)).post("/api/chat/conversations").then()
                    .statusCode(201).extract().path("id"));
        }
        var first = as(userId).get("/api/chat/conversations?limit=2").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("conversations.title")).containsExactly("Chat 2", "Chat 1");
        var second = as(userId).get("/api/chat/conversations?limit=2&cursor=" + first.getString("nextCursor"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("conversations.title")).containsExactly("Chat 0");
        assertThat(second.getString("nextCursor")).isNull();

        String other = TestIdentity.newUserId();
        as(other).get("/api/chat/conversations/" + ids.get(0)).then().statusCode(404);
        as(other).delete("/api/chat/conversations/" + ids.get(0)).then().statusCode(404);
        as(other).body(Map.of("text", "hello")).post("/api/chat/conversations/" + ids.get(0) + "/messages").then()
                .statusCode(404).contentType("application/problem+json");
        assertThat(as(other).get("/api/chat/conversations").then().extract().jsonPath().getList("conversations"))
                .isEmpty();

        as(userId).body(Map.of("text", "")).post("/api/chat/conversations/" + ids.get(0) + "/messages").then()
                .statusCode(400).contentType("application/problem+json");
        as(userId).get("/api/chat/conversations?limit=0").then().statusCode(400);
        as(userId).get("/api/chat/conversations?cursor=garbage").then().statusCode(400)
                .body("detail", containsString("cursor"));

        as(userId).delete("/api/chat/conversations/" + ids.get(0)).then().statusCode(204);
        as(userId).get("/api/chat/conversations/" + ids.get(0)).then().statusCode(404);
    }

    @Test
    void nothingSaidIsReadableInTheDatabase() throws Exception {
        String conversation = newConversation();
        say(conversation, "text +1 415 555 0100 that the pelican has landed");
        StringBuilder dump = new StringBuilder();
        try (Connection db = PostgresResource.connect(database); Statement s = db.createStatement()) {
            for (String table : List.of("conversation", "chat_message", "pending_action")) {
                try (ResultSet rows = s.executeQuery("select * from " + table)) {
                    while (rows.next()) {
                        for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                            Object value = rows.getObject(c);
                            dump.append(value instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)
                                    : String.valueOf(value)).append('|');
                        }
                    }
                }
            }
        }
        assertThat(dump.toString()).contains(conversation).doesNotContain("pelican").doesNotContain("4155550100");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    record Sse(String name, JsonNode data) {
    }

    List<Sse> say(String conversation, String text) {
        return say(conversation, text, null);
    }

    List<Sse> say(String conversation, String text, String idempotencyKey) {
        RequestSpecification request = as(userId).accept("text/event-stream").body(Map.of("text", text));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        String body = request
                .post("/api/chat/conversations/" + conversation + "/messages").then().statusCode(200)
                .contentType(containsString("text/event-stream")).extract().asString();
        List<Sse> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
            if (name != null) {
                try {
                    events.add(new Sse(name, JSON.readTree(data.toString())));
                } catch (Exception e) {
                    throw new IllegalStateException("not JSON: " + data, e);
                }
            }
        }
        return events;
    }

    static String tokens(List<Sse> events) {
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> e.name().equals("token")).forEach(e -> text.append(e.data().path("text").asText()));
        return text.toString();
    }

    static Sse last(List<Sse> events) {
        return events.get(events.size() - 1);
    }



    void answer(JsonNode intent, String status, Map<String, Object> result, String error) throws Exception {
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("requestId", intent.path("requestId").asText());
        payload.put("conversationId", intent.path("conversationId").asText());
        payload.put("intent", intent.path("intent").asText());
        payload.put("status", status);
        payload.put("result", result);
        payload.put("error", error);
        kafka.produceStrings().fromRecords(event("email.fetched", "/email-service", userId,
                JSON.writeValueAsString(payload))).awaitCompletion(PATIENCE);
    }
}

package ai.andy.email.rest;

import static ai.andy.email.support.People.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.andy.email.support.People;
import ai.andy.email.support.People.Person;
import ai.andy.testsupport.AndyServiceTest;
import ai.andy.testsupport.Database;
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The built-in mailbox end to end: demo inbox, listing, reading, sending between Andy's people, organising. */
@QuarkusTest
@AndyServiceTest(service = "email")
class LocalMailboxTest {
    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @ConfigProperty(name = "andy.db.name")
    String database;

    Person ada;
    Person bo;

    @BeforeEach
    void signUp() {
        ada = People.signUp(kafka, "Ada");
        bo = People.signUp(kafka, "Bo");
    }

    @Test
    @SuppressWarnings("unchecked")
    void newPersonHasAClearlyMarkedDemoInboxNewestFirst() {
        JsonPath accounts = ada.api().get("/api/email/accounts").then().statusCode(200).extract().jsonPath();
        assertThat(accounts.getList("$")).hasSize(1);
        assertThat(accounts.getString("[0].provider")).isEqualTo("local");
        assertThat(accounts.getString("[0].address")).isEqualTo(ada.email());
        assertThat(accounts.getString("[0].sync.phase")).isEqualTo("idle");
        assertThat(accounts.getInt("[0].sync.done")).isEqualTo(accounts.getInt("[0].sync.total")).isPositive();

        JsonPath page = ada.api().get("/api/email/messages").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> messages = page.getList("messages");
        assertThat(messages).isNotEmpty().allSatisfy(m -> {
            assertThat(m.get("demo")).isEqualTo(true);
            assertThat((List<Object>) m.get("labels")).contains("DEMO");
            assertThat(m).doesNotContainKey("body");
        });
        List<String> times = messages.stream().map(m -> (String) m.get("receivedAt")).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> java.time.Instant.parse(b).compareTo(java.time.Instant.parse(a)));
    }

    @Test
    void pagesWithACursorCoverEveryMessageOnce() {
        int total = ada.api().get("/api/email/messages?limit=100").then().extract().jsonPath()
                .getList("messages").size();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = ada.api().queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/email/messages").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("messages.id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
    }

    @Test
    void filtersByUnreadTimeSenderAndText() {
        String today = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        List<Map<String, Object>> unread = ada.api().queryParam("unread", true).queryParam("since", today)
                .get("/api/email/messages").then().statusCode(200).extract().jsonPath().getList("messages");
        assertThat(unread).isNotEmpty().allSatisfy(m -> assertThat(m.get("unread")).isEqualTo(true));

        List<Map<String, Object>> fromSarah = ada.api().queryParam("from", "sarah").get("/api/email/messages")
                .then().statusCode(200).extract().jsonPath().getList("messages");
        assertThat(fromSarah).hasSize(1);
        assertThat(fromSarah.get(0).get("subject")).isEqualTo("Lunch on Thursday?");

        List<Map<String, Object>> lisbon = ada.api().queryParam("q", "lisbon").get("/api/email/messages")
                .then().statusCode(200).extract().jsonPath().getList("messages");
        assertThat(lisbon).extracting(m -> m.get("subject")).containsExactly("Your flight to Lisbon is confirmed");
    }

    @Test
    void readsABodyButNeverSomeoneElsesMessage() {
        String id = ada.api().queryParam("from", "sarah").get("/api/email/messages").then().extract().jsonPath()
                .getString("messages[0].id");
        ada.api().get("/api/email/messages/" + id).then().statusCode(200)
                .body("body.text", containsString("new ramen place"));

        bo.api().get("/api/email/messages/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        bo.api().body(Map.of("unread", false)).patch("/api/email/messages/" + id).then().statusCode(404);
        bo.api().delete("/api/email/messages/" + id).then().statusCode(404);
        bo.api().body(Map.of("body", "hi")).post("/api/email/messages/" + id + "/reply").then().statusCode(404);
        ada.api().get("/api/email/messages/" + id).then().statusCode(200).body("unread", equalTo(true));
    }

    @Test
    void badRequestsGetAProblemNamingTheField() {
        ada.api().queryParam("limit", 0).get("/api/email/messages").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        ada.api().queryParam("since", "last tuesday").get("/api/email/messages").then().statusCode(400)
                .body("errors.field", hasItem("since"));
        ada.api().queryParam("cursor", "not-a-cursor").get("/api/email/messages").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        ada.api().queryParam("unread", "maybe").get("/api/email/messages").then().statusCode(400);
        ada.api().get("/api/email/messages/12345").then().statusCode(404).contentType("application/problem+json");
        ada.api().body("{\"to\": [\"bo@\"").post("/api/email/messages").then().statusCode(400)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given().get("/api/email/messages").then().statusCode(401);
    }

    @Test
    void mailToAnotherAndyPersonIsDeliveredLocally() {
        String body = "Shall we meet at the cafe? I found the article about tidal energy you mentioned last week.";
        var sent = ada.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("to", List.of(bo.email()), "subject", "Coffee", "body", body))
                .post("/api/email/messages").then().statusCode(201).extract().jsonPath();
        assertThat(sent.getList("labels", String.class)).contains("SENT");
        assertThat(sent.getString("deliveryNote")).isNull();

        JsonPath inbox = bo.api().queryParam("from", ada.email()).get("/api/email/messages").then().statusCode(200)
                .extract().jsonPath();
        assertThat(inbox.getList("messages")).hasSize(1);
        assertThat(inbox.getString("messages[0].subject")).isEqualTo("Coffee");
        assertThat(inbox.getBoolean("messages[0].unread")).isTrue();
        assertThat(inbox.getList("messages[0].labels", String.class)).contains("INBOX");
        bo.api().get("/api/email/messages/" + inbox.getString("messages[0].id")).then().statusCode(200)
                .body("body.text", equalTo(body));
        // Bo hears of it live, as of mail synced from a provider.
        var notices = kafka.consumeStrings().fromTopics("notify.user");
        try {
            await().atMost(PATIENCE).until(() -> notices.getRecords().stream()
                    .anyMatch(r -> bo.userId().equals(r.key()) && r.value().contains("Coffee")));
        } finally {
            notices.stop();
        }

        // Bo answers; the reply goes to Ada in the same thread.
        bo.api().body(Map.of("body", "Yes, 10am works."))
                .post("/api/email/messages/" + inbox.getString("messages[0].id") + "/reply").then().statusCode(201)
                .body("subject", equalTo("Re: Coffee")).body("threadId", equalTo(sent.getString("threadId")));
        ada.api().queryParam("q", "Re: Coffee").get("/api/email/messages").then().statusCode(200)
                .body("messages.subject", hasItem("Re: Coffee"));
    }

    @Test
    void mailToOutsideAddressesIsFiledAsNotDelivered() {
        ada.api().body(Map.of("to", List.of("someone@elsewhere.example"), "subject", "Hello", "body", "Hi there"))
                .post("/api/email/messages").then().statusCode(201)
                .body("deliveryNote", equalTo("not delivered (local mailbox)"))
                .body("labels", hasItem("SENT"));
    }

    @Test
    void aRepeatedSendWithTheSameIdempotencyKeySendsOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> mail = Map.of("to", List.of(bo.email()), "subject", "Once only", "body", "Just once.");
        String first = ada.api().header("Idempotency-Key", key).body(mail).post("/api/email/messages").then()
                .statusCode(201).extract().path("id");
        String second = ada.api().header("Idempotency-Key", key).body(mail).post("/api/email/messages").then()
                .statusCode(200).extract().path("id");
        assertThat(second).isEqualTo(first);
        assertThat(bo.api().queryParam("q", "Once only").get("/api/email/messages").then().extract().jsonPath()
                .getList("messages")).hasSize(1);
    }

    @Test
    void invalidRecipientsAreRefusedAndNothingIsSent() {
        ada.api().body(Map.of("to", List.of(bo.email(), "not an address"), "subject", "Bad", "body", "x"))
                .post("/api/email/messages").then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(equalTo(null)));
        ada.api().body(Map.of("subject", "Nobody", "body", "x")).post("/api/email/messages").then().statusCode(400)
                .body("errors.field", hasItem("to"));
        ada.api().body(Map.of("to", List.of(bo.email()), "subject", "No body")).post("/api/email/messages").then()
                .statusCode(400);
        ada.api().body(Map.of("account", "nope@nowhere.example", "to", List.of(bo.email()), "body", "x"))
                .post("/api/email/messages").then().statusCode(400).body("errors.field", hasItem("account"));
        // The marker: a good send afterwards. Once Bo has it, anything the refused ones had sent would be there too.
        ada.api().body(Map.of("to", List.of(bo.email()), "subject", "Marker", "body", "x"))
                .post("/api/email/messages").then().statusCode(201);
        await().atMost(PATIENCE).until(() -> bo.api().queryParam("from", ada.email()).get("/api/email/messages")
                .then().extract().jsonPath().getList("messages").size() >= 1);
        assertThat(bo.api().queryParam("from", ada.email()).get("/api/email/messages").then().extract().jsonPath()
                .getList("messages.subject", String.class)).containsExactly("Marker");
        assertThat(ada.api().queryParam("label", "SENT").get("/api/email/messages").then().extract().jsonPath()
                .getList("messages.subject", String.class)).containsExactly("Marker");
    }

    @Test
    void marksReadArchivesLabelsAndTrashes() {
        String id = ada.api().queryParam("from", "marcus").get("/api/email/messages").then().extract().jsonPath()
                .getString("messages[0].id");
        ada.api().body(Map.of("unread", false, "archived", true, "addLabels", List.of("Work")))
                .patch("/api/email/messages/" + id).then().statusCode(200)
                .body("unread", equalTo(false)).body("labels", hasItem("Work"))
                .body("labels", not(hasItem("INBOX"))).body("labels", not(hasItem("UNREAD")));
        assertThat(ada.api().queryParam("label", "Work").get("/api/email/messages").then().extract().jsonPath()
                .getList("messages.id", String.class)).containsExactly(id);

        ada.api().delete("/api/email/messages/" + id).then().statusCode(204);
        assertThat(ada.api().get("/api/email/messages?limit=100").then().extract().jsonPath()
                .getList("messages.id", String.class)).doesNotContain(id);
        assertThat(ada.api().queryParam("label", "TRASH").get("/api/email/messages").then().extract().jsonPath()
                .getList("messages.id", String.class)).containsExactly(id);
    }

    @Test
    void servicesCanLookUpWhomAPersonHasMailedByName() {
        ada.api().body(Map.of("to", List.of("zeno.quill@elsewhere.example"), "subject", "Hi", "body", "Hello Zeno"))
                .post("/api/email/messages").then().statusCode(201);
        String service = TestIdentity.serviceToken("chat-service");

        JsonPath sarah = io.restassured.RestAssured.given().auth().oauth2(service)
                .queryParam("userId", ada.userId()).queryParam("name", "Sarah").get("/internal/people")
                .then().statusCode(200).extract().jsonPath();
        assertThat(sarah.getList("address", String.class)).containsExactly("sarah.chen@example.com");
        assertThat(sarah.getString("[0].name")).isEqualTo("Sarah Chen");
        assertThat(io.restassured.RestAssured.given().auth().oauth2(service).queryParam("userId", ada.userId())
                .queryParam("name", "zeno").get("/internal/people").then().statusCode(200).extract().jsonPath()
                .getList("address", String.class)).containsExactly("zeno.quill@elsewhere.example");
        // Only the named person's mail is searched, and only a service may ask.
        assertThat(io.restassured.RestAssured.given().auth().oauth2(service).queryParam("userId", bo.userId())
                .queryParam("name", "zeno").get("/internal/people").then().statusCode(200).extract().jsonPath()
                .getList("$")).isEmpty();
        ada.api().queryParam("userId", ada.userId()).queryParam("name", "Sarah").get("/internal/people").then()
                .statusCode(403);
        io.restassured.RestAssured.given().auth().oauth2(service).queryParam("name", "Sarah").get("/internal/people")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theDatabaseHoldsNoBodyTextInClear() throws Exception {
        String secret = "The vault combination is seventeen left, four right, and the key is under the blue pot.";
        ada.api().body(Map.of("to", List.of(bo.email()), "subject", "Private",
                        "body", "Hello Bo, I hope the week is going well and the move went smoothly. A long opening, so that "
                                + "what follows lies beyond the snippet that a message list shows.\n\n" + secret))
                .post("/api/email/messages").then().statusCode(201);
        await().atMost(PATIENCE).until(() -> bo.api().queryParam("q", "Private").get("/api/email/messages").then()
                .extract().jsonPath().getList("messages").size() == 1);

        assertThat(Database.of(database).dump()).doesNotContain("vault combination").doesNotContain("blue pot");
    }

}

package ai.andy.email.messaging;

import static ai.andy.email.support.People.PATIENCE;
import static ai.andy.testsupport.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.andy.email.support.People;
import ai.andy.email.support.People.Person;
import ai.andy.testsupport.AndyServiceTest;
import ai.andy.testsupport.CloudEventRecords;
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** chat-service's side of the contract: a chat.intent in, an answer with the same request id on email.fetched. */
@QuarkusTest
@AndyServiceTest(service = "email")
class IntentConsumerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    Person ada;
    Person bo;

    @BeforeEach
    void signUp() {
        ada = People.signUp(kafka, "Ada");
        bo = People.signUp(kafka, "Bo");
    }

    @Test
    void listsTodaysUnreadMail() throws Exception {
        JsonNode answer = ask(ada, "email.list", Map.of("unreadOnly", true,
                "since", LocalDate.now(ZoneOffset.UTC).minusDays(1) + "T00:00:00Z", "limit", 10));
        assertThat(answer.path("status").asText()).isEqualTo("ok");
        JsonNode messages = answer.path("result").path("messages");
        assertThat(messages.size()).isPositive();
        messages.forEach(m -> assertThat(m.path("unread").asBoolean()).isTrue());
        assertThat(answer.path("result").path("count").asInt()).isEqualTo(messages.size());
    }

    @Test
    void readsAMessageNamedByReference() throws Exception {
        JsonNode answer = ask(ada, "email.read", Map.of("reference", "the last email from Sarah", "from", "Sarah"));
        assertThat(answer.path("status").asText()).isEqualTo("ok");
        assertThat(answer.path("result").path("message").path("subject").asText()).isEqualTo("Lunch on Thursday?");
        assertThat(answer.path("result").path("message").path("body").path("text").asText()).contains("ramen");
    }

    @Test
    void aConfirmedSendIsSentOnceEvenIfTheIntentIsDeliveredTwice() throws Exception {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> params = Map.of("to", List.of(Map.of("name", "Bo", "address", bo.email())),
                "subject", "Plans", "body", "See you at 7.");
        JsonNode first = ask(ada, "email.send", params, requestId);
        JsonNode second = ask(ada, "email.send", params, requestId);
        assertThat(first.path("status").asText()).isEqualTo("ok");
        assertThat(second.path("result").path("message").path("id").asText())
                .isEqualTo(first.path("result").path("message").path("id").asText());
        assertThat(bo.api().queryParam("q", "Plans").get("/api/email/messages").then().extract().jsonPath()
                .getList("messages")).hasSize(1);
    }

    @Test
    void marksMessagesRead() throws Exception {
        String id = ada.api().queryParam("from", "marcus").get("/api/email/messages").then().extract()
                .path("messages[0].id");
        JsonNode answer = ask(ada, "email.update", Map.of("messageIds", List.of(id), "unread", false));
        assertThat(answer.path("status").asText()).isEqualTo("ok");
        assertThat(ada.api().get("/api/email/messages/" + id).then().extract().jsonPath().getBoolean("unread"))
                .isFalse();
    }

    @Test
    void whatCannotBeDoneIsAnsweredWithAReasonNotDropped() throws Exception {
        JsonNode unknown = ask(ada, "email.forwardAll", Map.of());
        assertThat(unknown.path("status").asText()).isEqualTo("rejected");
        assertThat(unknown.path("error").asText()).contains("list, read, send");

        JsonNode badAddress = ask(ada, "email.send", Map.of("to", List.of("not-an-address"), "body", "x"));
        assertThat(badAddress.path("status").asText()).isEqualTo("rejected");

        JsonNode someoneElses = ask(bo, "email.read", Map.of("messageId", ada.api().get("/api/email/messages")
                .then().extract().path("messages[0].id")));
        assertThat(someoneElses.path("status").asText()).isEqualTo("rejected");
        assertThat(someoneElses.path("result").size()).isZero();
    }

    @Test
    void aMailboxThatIsNotOpenYetIsNeverReportedEmpty() throws Exception {
        String newcomer = TestIdentity.newUserId();
        Person person = new Person(newcomer, "new-" + newcomer.substring(0, 8) + "@andy.test",
                TestIdentity.accessToken(newcomer));
        JsonNode before = ask(person, "email.list", Map.of("unreadOnly", true));
        assertThat(before.path("status").asText()).isEqualTo("rejected");
        assertThat(before.path("error").asText()).contains("still being set up");

        // Sign-up and the first question race, as they do for a new person: the answer is "not ready yet" or the
        // real unread mail (the demo inbox has some), never an empty inbox.
        String payload = JSON.writeValueAsString(Map.of("userId", newcomer, "email", person.email(),
                "displayName", "New", "timezone", "Europe/Paris"));
        kafka.produceStrings().fromRecords(event("user.created", "/auth-service", newcomer, payload))
                .awaitCompletion(PATIENCE);
        JsonNode racing = ask(person, "email.list", Map.of("unreadOnly", true));
        if ("ok".equals(racing.path("status").asText())) {
            assertThat(racing.path("result").path("count").asInt()).isPositive();
        } else {
            assertThat(racing.path("error").asText()).contains("still being set up");
        }
        await().atMost(PATIENCE).until(() -> ask(person, "email.list", Map.of("unreadOnly", true))
                .path("status").asText().equals("ok"));
        assertThat(ask(person, "email.list", Map.of("unreadOnly", true)).path("result").path("count").asInt())
                .isPositive();
    }

    @Test
    void paramsThatDoNotFitTheIntentAreRejectedNamingTheField() throws Exception {
        JsonNode badTime = ask(ada, "email.list", Map.of("since", "last tuesday-ish"));
        assertThat(badTime.path("status").asText()).isEqualTo("rejected");
        assertThat(badTime.path("error").asText()).contains("since");
        JsonNode noBody = ask(ada, "email.send", Map.of("to", List.of(bo.email())));
        assertThat(noBody.path("status").asText()).isEqualTo("rejected");
        assertThat(noBody.path("error").asText()).contains("body");
        JsonNode nameOnly = ask(ada, "email.send", Map.of("to", List.of("Sarah"), "body", "Hi"));
        assertThat(nameOnly.path("status").asText()).isEqualTo("rejected");
        assertThat(nameOnly.path("error").asText()).contains("Sarah").contains("address");
    }

    private JsonNode ask(Person who, String intent, Map<String, Object> params) throws Exception {
        return ask(who, intent, params, UUID.randomUUID().toString());
    }

    private JsonNode ask(Person who, String intent, Map<String, Object> params, String requestId) throws Exception {
        String payload = JSON.writeValueAsString(Map.of("requestId", requestId, "conversationId", "c-1",
                "intent", intent, "params", params));
        kafka.produceStrings().fromRecords(event("chat.intent", "/chat-service", who.userId(), payload))
                .awaitCompletion(PATIENCE);
        // Several answers to the same request id may exist (a redelivery); any of them will do.
        var answers = kafka.consumeStrings().fromTopics("email.fetched");
        ConsumerRecord<String, String> answer;
        try {
            answer = await().atMost(PATIENCE).until(() -> answers.getRecords().stream()
                    .filter(r -> r.value().contains(requestId)).reduce((a, b) -> b), java.util.Optional::isPresent)
                    .orElseThrow();
        } finally {
            answers.stop();
        }
        assertThat(answer.key()).isEqualTo(who.userId());
        assertThat(CloudEventRecords.header(answer, "ce_type")).isEqualTo("andy.email.fetched");
        return JSON.readTree(answer.value());
    }
}

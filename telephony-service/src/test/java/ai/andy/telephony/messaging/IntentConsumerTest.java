package ai.andy.telephony.messaging;

import static ai.andy.telephony.support.People.PATIENCE;
import static ai.andy.testsupport.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.andy.telephony.support.People;
import ai.andy.telephony.support.People.Person;
import ai.andy.testsupport.CloudEventRecords;
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import ai.andy.testsupport.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** chat-service's side of the contract: a chat.intent in, an answer with the same request id on telephony.fetched. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "telephony"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WireMockResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "properties", value = "quarkus.rest-client.voice-service.url"))
class IntentConsumerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    Person ada;

    @BeforeEach
    void someone() {
        ada = People.someone();
    }

    @Test
    void aConfirmedTextIsSentOnceEvenIfTheIntentArrivesTwice() throws Exception {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> params = Map.of("to", Map.of("name", "Mom", "phone", "+14155550123"),
                "body", "Landed, see you soon");
        JsonNode first = ask("sms.send", params, requestId);
        JsonNode second = ask("sms.send", params, requestId);
        assertThat(first.path("status").asText()).isEqualTo("ok");
        JsonNode message = first.path("result").path("message");
        assertThat(message.path("counterpartName").asText()).isEqualTo("Mom");
        assertThat(message.path("counterpartNumber").asText()).isEqualTo("+14155550123");
        assertThat(message.path("simulated").asBoolean()).isTrue();
        assertThat(second.path("result").path("message").path("id").asText()).isEqualTo(message.path("id").asText());
        assertThat(ada.api().get("/api/telephony/sms/threads").then().extract().jsonPath().getList("items"))
                .hasSize(1);
    }

    @Test
    void whatCannotBeDoneIsRejectedWithAReason() throws Exception {
        JsonNode nameOnly = ask("sms.send", Map.of("to", "Mom", "body", "hi"), UUID.randomUUID().toString());
        assertThat(nameOnly.path("status").asText()).isEqualTo("rejected");
        assertThat(nameOnly.path("error").asText()).contains("no phone number for Mom");

        JsonNode noBody = ask("sms.send", Map.of("to", "+14155550123"), UUID.randomUUID().toString());
        assertThat(noBody.path("status").asText()).isEqualTo("rejected");
        assertThat(noBody.path("error").asText()).contains("body");

        JsonNode badNumber = ask("call.place", Map.of("to", "+1 000"), UUID.randomUUID().toString());
        assertThat(badNumber.path("status").asText()).isEqualTo("rejected");

        JsonNode unknown = ask("sms.forwardAll", Map.of(), UUID.randomUUID().toString());
        assertThat(unknown.path("status").asText()).isEqualTo("rejected");
    }

    @Test
    void aPlacedCallAndTheVoicemailsAreListed() throws Exception {
        JsonNode placed = ask("call.place", Map.of("to", "+14155550123", "purpose", "the table for Friday"),
                UUID.randomUUID().toString());
        assertThat(placed.path("status").asText()).isEqualTo("ok");
        assertThat(placed.path("result").path("call").path("simulated").asBoolean()).isTrue();

        String sid = ada.api().body("{\"from\":\"+14155550188\"}").post("/api/telephony/simulator/calls")
                .then().statusCode(200).extract().path("sid");
        ada.api().body("{\"text\":\"Dentist here, please confirm Tuesday\"}")
                .post("/api/telephony/simulator/calls/" + sid + "/message").then().statusCode(200);

        JsonNode missed = ask("call.list", Map.of("missedOnly", true), UUID.randomUUID().toString());
        assertThat(missed.path("status").asText()).isEqualTo("ok");
        assertThat(missed.path("result").path("count").asInt()).isEqualTo(1);
        assertThat(missed.path("result").path("calls").get(0).path("voicemailTranscript").asText())
                .isEqualTo("Dentist here, please confirm Tuesday");

        JsonNode all = ask("call.list", Map.of(), UUID.randomUUID().toString());
        assertThat(all.path("result").path("count").asInt()).isEqualTo(2);

        ada.api().body("{\"from\":\"+14155550188\",\"body\":\"Also: bring the form\"}")
                .post("/api/telephony/simulator/sms").then().statusCode(200);
        JsonNode texts = ask("sms.list", Map.of("from", "+14155550188"), UUID.randomUUID().toString());
        assertThat(texts.path("result").path("messages").get(0).path("body").asText())
                .isEqualTo("Also: bring the form");
    }

    private JsonNode ask(String intent, Map<String, Object> params, String requestId) throws Exception {
        String payload = JSON.writeValueAsString(Map.of("requestId", requestId, "conversationId", "c-1",
                "intent", intent, "params", params));
        var answers = kafka.consumeStrings().fromTopics("telephony.fetched");
        kafka.produceStrings().fromRecords(event("chat.intent", "/chat-service", ada.userId(), payload))
                .awaitCompletion(PATIENCE);
        ConsumerRecord<String, String> answer;
        try {
            answer = await().atMost(PATIENCE).until(() -> answers.getRecords().stream()
                    .filter(r -> r.value().contains(requestId)).reduce((a, b) -> b), Optional::isPresent)
                    .orElseThrow();
        } finally {
            answers.stop();
        }
        assertThat(answer.key()).isEqualTo(ada.userId());
        assertThat(CloudEventRecords.header(answer, "ce_type")).isEqualTo("andy.telephony.fetched");
        return JSON.readTree(answer.value());
    }
}

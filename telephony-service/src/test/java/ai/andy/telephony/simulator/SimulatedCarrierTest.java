package ai.andy.telephony.simulator;

import static ai.andy.telephony.support.People.PATIENCE;
import static ai.andy.testsupport.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.andy.telephony.support.People;
import ai.andy.telephony.support.People.Person;
import ai.andy.telephony.support.TwilioSignature;
import ai.andy.telephony.support.Webhook;
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import ai.andy.testsupport.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Without Twilio credentials: texts and calls are recorded, labelled simulated and go nowhere; the simulator drives
 * the inbound side through the signed webhook path; limits, other people's ids and account deletion.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "telephony"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WireMockResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "properties", value = "quarkus.rest-client.voice-service.url"))
class SimulatedCarrierTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    Person ada;
    Person bo;

    @BeforeEach
    void people() {
        ada = People.someone();
        bo = People.someone();
    }

    @Test
    void aTextIsRecordedAsSimulatedAndGoesNowhere() {
        var statuses = kafka.consumeStrings().fromTopics("sms.status");
        String id = ada.api().body("{\"to\":\"+14155550123\",\"body\":\"Hello from the simulator\"}")
                .post("/api/telephony/sms").then().statusCode(201)
                .body("simulated", equalTo(true)).body("carrier", equalTo("simulated"))
                .body("status", equalTo("sent")).extract().path("id");
        await().atMost(PATIENCE).until(() -> statuses.getRecords().stream()
                .anyMatch(r -> r.value().contains(id) && r.value().contains("\"simulated\":true")));
        statuses.stop();
    }

    @Test
    void anInjectedTextReachesThePersonThroughTheSignedWebhook() {
        var received = kafka.consumeStrings().fromTopics("notify.user");
        String number = ada.api().get("/api/telephony/simulator").then().statusCode(200)
                .body("simulated", equalTo(true)).extract().path("number");
        assertThat(number).startsWith("+1555");
        ada.api().body("{\"from\":\"+442071838750\",\"body\":\"Your parcel is at the door\"}")
                .post("/api/telephony/simulator/sms").then().statusCode(200).body("andy", hasSize(0));
        ada.api().get("/api/telephony/sms/threads").then().statusCode(200)
                .body("items[0].number", equalTo("+442071838750"))
                .body("items[0].body", equalTo("Your parcel is at the door"))
                .body("items[0].direction", equalTo("inbound"))
                .body("items[0].simulated", equalTo(true));
        await().atMost(PATIENCE).until(() -> received.getRecords().stream()
                .anyMatch(r -> r.key().equals(ada.userId()) && r.value().contains("Simulated text from +442071838750")));
        received.stop();
        ada.api().body("{\"from\":\"+442071838750\",\"body\":\"help\"}").post("/api/telephony/simulator/sms")
                .then().statusCode(200).body("andy[0].action", equalTo("reply"))
                .body("andy[0].text", containsString("Reply STOP"));
    }

    @Test
    void aCallerIsGreetedLeavesAMessageAndThePersonGetsTheVoicemail() {
        var voicemails = kafka.consumeStrings().fromTopics("voicemail.recorded");
        var call = ada.api().body("{\"from\":\"+14155550188\"}").post("/api/telephony/simulator/calls")
                .then().statusCode(200)
                .body("andy[0].action", equalTo("say"))
                .body("andy[0].text", containsString("You have reached Andy"))
                .body("andy[1].action", equalTo("record"))
                .extract().jsonPath();
        String sid = call.getString("sid");
        ada.api().body("{\"text\":\"It's Sam, call me back about Friday\"}")
                .post("/api/telephony/simulator/calls/" + sid + "/message").then().statusCode(200)
                .body("andy[0].text", containsString("pass your message on"))
                .body("andy[1].action", equalTo("hangup"));

        await().atMost(PATIENCE).until(() -> voicemails.getRecords().stream()
                .anyMatch(r -> r.key().equals(ada.userId()) && r.value().contains("call me back about Friday")));
        voicemails.stop();
        ada.api().get("/api/telephony/calls").then().statusCode(200)
                .body("items[0].number", equalTo("+14155550188"))
                .body("items[0].direction", equalTo("inbound"))
                .body("items[0].status", equalTo("completed"))
                .body("items[0].simulated", equalTo(true))
                .body("items[0].voicemail.transcript", equalTo("It's Sam, call me back about Friday"))
                .body("items[0].voicemail.recordingUrl", equalTo(null));
    }

    @Test
    void anotherPersonsIdsAreNotFoundEverywhere() {
        String text = ada.api().body("{\"to\":\"+14155550123\",\"body\":\"mine\"}").post("/api/telephony/sms")
                .then().statusCode(201).extract().path("id");
        String thread = ada.api().get("/api/telephony/sms/" + text).then().statusCode(200).extract().path("threadId");
        String sid = ada.api().body("{\"from\":\"+14155550188\"}").post("/api/telephony/simulator/calls")
                .then().statusCode(200).extract().path("sid");
        ada.api().body("{\"text\":\"for Ada only\"}").post("/api/telephony/simulator/calls/" + sid + "/message")
                .then().statusCode(200);
        String callId = ada.api().get("/api/telephony/calls").then().extract().path("items[0].id");
        String voicemailId = ada.api().get("/api/telephony/voicemails").then().extract().path("items[0].id");

        bo.api().get("/api/telephony/sms/" + text).then().statusCode(404).contentType("application/problem+json");
        bo.api().get("/api/telephony/sms/threads/" + thread).then().statusCode(404);
        bo.api().get("/api/telephony/calls/" + callId).then().statusCode(404);
        bo.api().get("/api/telephony/voicemails/" + voicemailId).then().statusCode(404);
        bo.api().body("{\"text\":\"hijack\"}").post("/api/telephony/simulator/calls/" + sid + "/message")
                .then().statusCode(404);
        bo.api().post("/api/telephony/simulator/calls/" + sid + "/hangup").then().statusCode(404);
        bo.api().get("/api/telephony/calls").then().statusCode(200).body("items", hasSize(0));
        bo.api().get("/api/telephony/sms/threads").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aWebhookClaimingToBeTheSimulatorNeedsItsLocalKey() {
        String number = ada.api().get("/api/telephony/simulator").then().extract().path("number");
        Map<String, String> params = new java.util.LinkedHashMap<>(Map.of("AccountSid", "ACsimulator",
                "MessageSid", Webhook.sid("SM"), "From", "+14155550166", "To", number, "Body", "forged"));
        Webhook.post("/twilio/sms", params, TwilioSignature.sign("guessed-token", Webhook.PUBLIC_BASE + "/twilio/sms",
                params)).then().statusCode(403);
        ada.api().get("/api/telephony/sms/threads").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void dailyLimitsStopTextsAndCallsWithAClearMessage() {
        for (int i = 0; i < 5; i++) {
            ada.api().body("{\"to\":\"+14155550123\",\"body\":\"text " + i + "\"}").post("/api/telephony/sms")
                    .then().statusCode(201);
        }
        ada.api().body("{\"to\":\"+14155550123\",\"body\":\"one too many\"}").post("/api/telephony/sms")
                .then().statusCode(429).body("detail", containsString("5 texts today, the daily limit"));
        for (int i = 0; i < 3; i++) {
            ada.api().body("{\"to\":\"+14155550123\",\"purpose\":\"test\"}").post("/api/telephony/calls")
                    .then().statusCode(201).body("simulated", equalTo(true));
        }
        ada.api().body("{\"to\":\"+14155550123\"}").post("/api/telephony/calls")
                .then().statusCode(429).body("detail", containsString("3 calls today, the daily limit"));
        bo.api().body("{\"to\":\"+14155550123\",\"body\":\"Bo has his own limit\"}").post("/api/telephony/sms")
                .then().statusCode(201);
    }

    @Test
    void badInputIsExplained() {
        ada.api().body("{\"to\":\"not a number\",\"body\":\"x\"}").post("/api/telephony/sms").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("+14155550123"));
        ada.api().body("{\"to\":\"+14155550123\",\"body\":\"\"}").post("/api/telephony/sms").then().statusCode(400);
        ada.api().get("/api/telephony/calls?cursor=garbage").then().statusCode(400);
        given().get("/api/telephony/calls").then().statusCode(401);
    }

    @Test
    void deletingTheAccountPurgesEverything() {
        ada.api().body("{\"to\":\"+14155550123\",\"body\":\"soon gone\"}").post("/api/telephony/sms")
                .then().statusCode(201);
        ada.api().body("{\"from\":\"+14155550188\"}").post("/api/telephony/simulator/calls").then().statusCode(200);
        kafka.produceStrings().fromRecords(event("user.deleted", "/auth-service", ada.userId(),
                "{\"userId\":\"" + ada.userId() + "\"}")).awaitCompletion(PATIENCE);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ada.api().get("/api/telephony/sms/threads").then().extract().jsonPath().getList("items"))
                    .isEmpty();
            assertThat(ada.api().get("/api/telephony/calls").then().extract().jsonPath().getList("items"))
                    .isEmpty();
        });
    }

    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given();
    }

}

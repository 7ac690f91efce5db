package ai.andy.telephony.webhook;

import static ai.andy.telephony.support.People.PATIENCE;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import ai.andy.telephony.support.People;
import ai.andy.telephony.support.People.Person;
import ai.andy.telephony.support.TwilioProfile;
import ai.andy.telephony.support.TwilioSignature;
import ai.andy.telephony.support.Webhook;
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.InjectWireMock;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import ai.andy.testsupport.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Twilio's webhooks as Twilio sends them, signed by our own implementation of its algorithm: inbound texts and
 * opt-out keywords, status callbacks in and out of order, an inbound call through to its voicemail, and every way
 * a webhook can be forged.
 */
@QuarkusTest
@TestProfile(TwilioProfile.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "telephony"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WireMockResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "properties", value = "andy.telephony.twilio.base-url,quarkus.rest-client.voice-service.url"))
class WebhooksTest {
    private static final String MESSAGES = "/2010-04-01/Accounts/" + TwilioProfile.ACCOUNT_SID + "/Messages.json";

    @InjectWireMock
    WireMockServer fakes;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    Person owner = new Person(TwilioProfile.LINE_USER, TestIdentity.accessToken(TwilioProfile.LINE_USER));

    @BeforeEach
    void reset() {
        fakes.resetAll();
    }

    @Test
    void anInboundTextIsKeptForItsOwnerAndAnnounced() {
        String from = uniqueNumber();
        var received = kafka.consumeStrings().fromTopics("sms.received");
        Webhook.signed("/twilio/sms", Webhook.params("MessageSid", Webhook.sid("SM"), "From", from,
                "To", TwilioProfile.LINE_NUMBER, "Body", "Are we still on for lunch?"))
                .then().statusCode(200).contentType(containsString("xml"));

        ConsumerRecord<String, String> event = await().atMost(PATIENCE).until(() -> received.getRecords().stream()
                .filter(r -> r.value().contains(from)).findFirst(), java.util.Optional::isPresent).orElseThrow();
        received.stop();
        assertThat(event.key()).isEqualTo(owner.userId());
        assertThat(event.value()).contains("Are we still on for lunch?").contains("\"simulated\":false");
        assertThat(texts(owner)).anySatisfy(m -> {
            assertThat(m.get("number")).isEqualTo(from);
            assertThat(m.get("body")).isEqualTo("Are we still on for lunch?");
            assertThat(m.get("direction")).isEqualTo("inbound");
        });
    }

    @Test
    void unsignedForgedAndWrongUrlWebhooksAreRefusedAndStoreNothing() {
        String from = uniqueNumber();
        Map<String, String> params = Webhook.params("MessageSid", Webhook.sid("SM"), "From", from,
                "To", TwilioProfile.LINE_NUMBER, "Body", "forged");
        Webhook.post("/twilio/sms", params, null).then().statusCode(403);
        Webhook.post("/twilio/sms", params, TwilioSignature.sign("not-the-token", Webhook.PUBLIC_BASE + "/twilio/sms",
                params)).then().statusCode(403);
        // Signed over the URL the request arrived at, or a forwarded host, instead of the configured public one.
        Webhook.post("/twilio/sms", params, TwilioSignature.sign(TwilioProfile.AUTH_TOKEN,
                "http://localhost/twilio/sms", params)).then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(params).header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .header("X-Twilio-Signature", TwilioSignature.sign(TwilioProfile.AUTH_TOKEN,
                        "https://evil.example/twilio/sms", params))
                .post("/twilio/sms").then().statusCode(403);
        // A valid signature over other parameters (the body changed in transit).
        Map<String, String> tampered = new java.util.HashMap<>(params);
        tampered.put("Body", "tampered");
        Webhook.post("/twilio/sms", tampered, TwilioSignature.sign(TwilioProfile.AUTH_TOKEN,
                Webhook.PUBLIC_BASE + "/twilio/sms", params)).then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(texts(owner)).noneSatisfy(m -> assertThat(m.get("number")).isEqualTo(from));
    }

    @Test
    void aReplayedWebhookChangesNothing() {
        String from = uniqueNumber();
        Map<String, String> params = Webhook.params("MessageSid", Webhook.sid("SM"), "From", from,
                "To", TwilioProfile.LINE_NUMBER, "Body", "once");
        Webhook.signed("/twilio/sms", params).then().statusCode(200);
        Webhook.signed("/twilio/sms", params).then().statusCode(200);
        assertThat(texts(owner).stream().filter(m -> from.equals(m.get("number")))).hasSize(1);
    }

    @Test
    void stopBlocksTextsToThatNumberUntilStartAndHelpIsAnswered() {
        String them = uniqueNumber();
        inbound(them, "Stop");
        owner.api().body("{\"to\":\"" + them + "\",\"body\":\"Hello?\"}").post("/api/telephony/sms")
                .then().statusCode(409).body("detail", containsString("STOP"));
        fakes.verify(0, postRequestedFor(urlEqualTo(MESSAGES)));

        inbound(them, "START");
        fakes.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(messageJson(Webhook.sid("SM"), them))));
        owner.api().body("{\"to\":\"" + them + "\",\"body\":\"Hello?\"}").post("/api/telephony/sms")
                .then().statusCode(201);

        inbound(them, "HELP").then().body(containsString("<Message>")).body(containsString("Reply STOP"));
    }

    @Test
    void statusCallbacksOnlyMoveATextForward() {
        String them = uniqueNumber();
        String sid = Webhook.sid("SM");
        fakes.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(messageJson(sid, them))));
        String id = owner.api().body("{\"to\":\"" + them + "\",\"body\":\"On my way\"}").post("/api/telephony/sms")
                .then().statusCode(201).body("status", equalTo("queued")).extract().path("id");

        status(sid, "delivered");
        status(sid, "sent"); // late
        status(sid, "queued"); // later still
        status(sid, "delivered"); // twice
        status(sid, "undelivered"); // a different final status after the final one
        owner.api().get("/api/telephony/sms/" + id).then().statusCode(200).body("status", equalTo("delivered"));
    }

    @Test
    void anInboundCallIsAnsweredInTheOwnersVoiceAndItsMessageBecomesAVoicemail() {
        fakes.stubFor(get(urlPathMatching("/internal/voice/greeting/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"url\":\"https://voice.andy.test/greetings/abc.mp3?sig=1\"}")));
        String caller = uniqueNumber();
        String callSid = Webhook.sid("CA");
        var voicemails = kafka.consumeStrings().fromTopics("voicemail.recorded");
        var notes = kafka.consumeStrings().fromTopics("notify.user");

        String twiml = Webhook.signed("/twilio/voice", Webhook.params("CallSid", callSid, "From", caller,
                "To", TwilioProfile.LINE_NUMBER, "CallStatus", "ringing")).then().statusCode(200).extract().asString();
        assertThat(twiml).contains("<Play>https://voice.andy.test/greetings/abc.mp3?sig=1</Play>")
                .contains("<Record").contains("transcribe=\"true\"")
                .contains("action=\"https://andy.test/twilio/voice/recorded\"")
                .contains("transcribeCallback=\"https://andy.test/twilio/voice/transcription\"");

        String recordingSid = Webhook.sid("RE");
        Webhook.signed("/twilio/voice/recorded", Webhook.params("CallSid", callSid, "RecordingSid", recordingSid,
                "RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/x/Recordings/" + recordingSid,
                "RecordingDuration", "9")).then().statusCode(200).body(containsString("<Hangup/>"));
        Webhook.signed("/twilio/voice/transcription", Webhook.params("CallSid", callSid, "RecordingSid", recordingSid,
                "TranscriptionSid", Webhook.sid("TR"), "TranscriptionStatus", "completed",
                "TranscriptionText", "Hi, it's the garage, your car is ready.")).then().statusCode(200);
        Webhook.signed("/twilio/voice/status", Webhook.params("CallSid", callSid, "CallStatus", "completed",
                "CallDuration", "21")).then().statusCode(200);

        var recorded = await().atMost(PATIENCE).until(() -> voicemails.getRecords().stream()
                .filter(r -> r.value().contains(caller)).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(recorded.value()).contains("your car is ready").contains("\"durationSeconds\":9");
        await().atMost(PATIENCE).until(() -> notes.getRecords().stream()
                .anyMatch(r -> r.value().contains("voicemail.recorded") && r.value().contains("your car is ready")));
        voicemails.stop();
        notes.stop();

        owner.api().get("/api/telephony/calls").then().statusCode(200)
                .body("items.find { it.number == '" + caller + "' }.status", equalTo("completed"))
                .body("items.find { it.number == '" + caller + "' }.durationSeconds", equalTo(21))
                .body("items.find { it.number == '" + caller + "' }.voicemail.transcript",
                        equalTo("Hi, it's the garage, your car is ready."));
    }

    @Test
    void withoutAGreetingAndWithCallbacksOutOfOrderAndyStillTakesTheMessage() {
        fakes.stubFor(get(urlPathMatching("/internal/voice/greeting/.*")).willReturn(aResponse().withStatus(404)));
        String caller = uniqueNumber();
        String callSid = Webhook.sid("CA");
        Webhook.signed("/twilio/voice", Webhook.params("CallSid", callSid, "From", caller,
                "To", TwilioProfile.LINE_NUMBER, "CallStatus", "ringing")).then().statusCode(200)
                .body(containsString("<Say>Hello. You have reached Andy")).body(not(containsString("<Play>")));
        String recordingSid = Webhook.sid("RE");
        // The transcription arrives before the recording callback, and twice.
        Map<String, String> transcription = Webhook.params("CallSid", callSid, "RecordingSid", recordingSid,
                "TranscriptionSid", Webhook.sid("TR"), "TranscriptionStatus", "completed",
                "TranscriptionText", "Call me back please.", "RecordingUrl", "https://api.twilio.com/r/" + recordingSid);
        Webhook.signed("/twilio/voice/transcription", transcription).then().statusCode(200);
        Webhook.signed("/twilio/voice/transcription", transcription).then().statusCode(200);
        Webhook.signed("/twilio/voice/recorded", Webhook.params("CallSid", callSid, "RecordingSid", recordingSid,
                "RecordingUrl", "https://api.twilio.com/r/" + recordingSid, "RecordingDuration", "4"))
                .then().statusCode(200);
        List<Map<String, Object>> mine = owner.api().get("/api/telephony/voicemails?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(mine.stream().filter(v -> caller.equals(v.get("number")))).singleElement().satisfies(v -> {
            assertThat(v.get("transcript")).isEqualTo("Call me back please.");
            assertThat(v.get("durationSeconds")).isEqualTo(4);
        });
    }

    @Test
    void aCallToANumberNobodyOwnsIsToldSoAndStoresNothing() {
        Webhook.signed("/twilio/voice", Webhook.params("CallSid", Webhook.sid("CA"), "From", uniqueNumber(),
                "To", "+14155550999", "CallStatus", "ringing")).then().statusCode(200)
                .body(containsString("not in service"));
    }

    private io.restassured.response.Response inbound(String from, String body) {
        io.restassured.response.Response response = Webhook.signed("/twilio/sms", Webhook.params("MessageSid",
                Webhook.sid("SM"), "From", from, "To", TwilioProfile.LINE_NUMBER, "Body", body));
        response.then().statusCode(200);
        return response;
    }

    private void status(String sid, String status) {
        Webhook.signed("/twilio/sms/status", Webhook.params("MessageSid", sid, "MessageStatus", status))
                .then().statusCode(200);
    }

    private static List<Map<String, Object>> texts(Person who) {
        return who.api().get("/api/telephony/sms/threads?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    /** A valid US number nobody else in this class uses (the owner's line is shared by the tests). */
    static String uniqueNumber() {
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        while (true) {
            String candidate = "+1" + (200 + (int) (Math.random() * 700)) + (200 + (int) (Math.random() * 700))
                    + String.format("%04d", (int) (Math.random() * 10000));
            try {
                if (util.isValidNumber(util.parse(candidate, "US"))) {
                    return candidate;
                }
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                // try another
            }
        }
    }

    private static String messageJson(String sid, String to) {
        return "{\"account_sid\": \"" + TwilioProfile.ACCOUNT_SID + "\", \"api_version\": \"2010-04-01\","
                + " \"body\": \"x\", \"direction\": \"outbound-api\", \"error_code\": null, \"from\": \""
                + TwilioProfile.FROM + "\", \"num_segments\": \"1\", \"price\": null, \"price_unit\": \"USD\","
                + " \"sid\": \"" + sid + "\", \"status\": \"queued\", \"to\": \"" + to + "\"}";
    }
}

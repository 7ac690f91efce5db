package ai.andy.voice.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import ai.andy.testsupport.CloudEventRecords;
import ai.andy.testsupport.InjectAuthService;
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.InjectWireMock;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import ai.andy.testsupport.WireMockResource;
import ai.andy.voice.support.ElevenLabsProfile;
import ai.andy.voice.support.Recordings;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Consent, cloning, revocation, the greeting for calls, voice.speak and user.deleted, with ElevenLabs faked. */
@QuarkusTest
@TestProfile(ElevenLabsProfile.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "voice"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WireMockResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "properties", value = "quarkus.rest-client.elevenlabs.url"))
class VoiceConsentTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path CONSENT_READING = Recordings.speech(8);
    private static final Path MINUTE_AND_A_HALF = Recordings.speech(90);

    @InjectWireMock
    WireMockServer elevenLabs;

    @InjectAuthService
    WireMockServer auth;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @BeforeEach
    void fakes() {
        auth.stubFor(get(urlPathMatching("/internal/users/.*")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"x\",\"displayName\":\"Ada Lovelace\",\"timezone\":\"UTC\"}")));
        elevenLabs.stubFor(post(urlPathMatching("/v1/text-to-speech/.*/stream")).willReturn(aResponse()
                .withHeader("Content-Type", "audio/mpeg").withBody("ID3-audio")));
        elevenLabs.stubFor(delete(urlPathMatching("/v1/voices/.*")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"ok\"}")));
    }

    @AfterEach
    void reset() {
        CircuitBreakerMaintenance.get().resetAll();
        elevenLabs.resetAll();
    }

    @Test
    void cloneNeedsTheSamePersonsRecordedConsentAndRevokingDeletesIt() {
        String ada = TestIdentity.newUserId();
        String eve = TestIdentity.newUserId();
        String consent = as(ada).contentType(ContentType.JSON).body("{}").post("/api/voice/consents").then()
                .statusCode(200).body("statement", containsString("I, Ada Lovelace, on "))
                .body("statement", containsString("revoke")).body("createdSession", notNullValue())
                .extract().path("id");

        clone(ada, consent).then().statusCode(409).body("detail", containsString("Record yourself"));
        as(eve).get("/api/voice/consents/" + consent).then().statusCode(404);
        as(eve).multiPart("recording", CONSENT_READING.toFile(), "audio/wav")
                .post("/api/voice/consents/" + consent + "/recording").then().statusCode(404);
        record(ada, consent).then().statusCode(200).body("recordedAt", notNullValue());
        clone(eve, consent).then().statusCode(404);

        String providerVoice = "pv" + UUID.randomUUID().toString().substring(0, 8);
        elevenLabs.stubFor(post(urlPathEqualTo("/v1/voices/add")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"voice_id\":\"" + providerVoice + "\",\"requires_verification\":false}")));
        String voice = clone(ada, consent).then().statusCode(201).extract().path("id");
        elevenLabs.verify(postRequestedFor(urlPathEqualTo("/v1/voices/add"))
                .withHeader("xi-api-key", equalTo(ElevenLabsProfile.KEY))
                .withAnyRequestBodyPart(aMultipart().withName("name"))
                .withAnyRequestBodyPart(aMultipart().withName("files")));
        as(ada).get("/api/voice/consents/" + consent).then().statusCode(200)
                .body("voiceId", org.hamcrest.Matchers.equalTo(voice)).body("samples", containsString("sha256"));
        as(eve).get("/api/voice/voices").then().statusCode(200).body("$", hasSize(0));
        as(eve).delete("/api/voice/voices/" + voice).then().statusCode(404);
        as(eve).contentType(ContentType.JSON).body(Map.of("text", "Hi.", "voiceId", voice))
                .post("/api/voice/speech").then().statusCode(404);
        as(eve).contentType(ContentType.JSON).body(Map.of("text", "Hi.", "voiceId", providerVoice))
                .post("/api/voice/speech").then().statusCode(404);

        String url = as(ada).contentType(ContentType.JSON).body(Map.of("text", "In my voice.", "voiceId", voice,
                "delivery", "url")).post("/api/voice/speech").then().statusCode(200).extract().path("url");
        elevenLabs.verify(postRequestedFor(urlPathEqualTo("/v1/text-to-speech/" + providerVoice + "/stream")));
        given().get(SpeechResourceTest.local(url)).then().statusCode(200);

        as(ada).delete("/api/voice/consents/" + consent).then().statusCode(200).body("revokedAt", notNullValue());
        elevenLabs.verify(deleteRequestedFor(urlPathEqualTo("/v1/voices/" + providerVoice)));
        as(ada).get("/api/voice/voices").then().statusCode(200).body("$", hasSize(0));
        given().get(SpeechResourceTest.local(url)).then().statusCode(404);
        clone(ada, consent).then().statusCode(409).body("detail", containsString("revoked"));
    }

    @Test
    void samplesAreCheckedBeforeUpload() {
        String ada = TestIdentity.newUserId();
        String consent = recordedConsent(ada);

        cloneWith(ada, consent, Recordings.silence()).then().statusCode(422).body("detail", containsString("silent"));
        cloneWith(ada, consent, Recordings.clipped()).then().statusCode(422).body("detail", containsString("clipped"));
        cloneWith(ada, consent, Recordings.lowRate()).then().statusCode(422).body("detail", containsString("8000 Hz"));
        cloneWith(ada, consent, CONSENT_READING).then().statusCode(422)
                .body("detail", containsString("needs at least 60 s"));
        elevenLabs.verify(0, postRequestedFor(urlPathEqualTo("/v1/voices/add")));
    }

    @Test
    void greetingForCallsIsTheClonedVoiceOrNotFound() {
        String ada = TestIdentity.newUserId();
        String service = TestIdentity.serviceToken("telephony-service");
        given().auth().oauth2(service).get("/internal/voice/greeting/" + ada).then().statusCode(404);
        cloned(ada);

        String url = given().auth().oauth2(service).get("/internal/voice/greeting/" + ada).then().statusCode(200)
                .body("format", org.hamcrest.Matchers.equalTo("ulaw")).extract().path("url");
        assertThat(url).contains("/api/voice/audio/").contains("signature=");
        elevenLabs.verify(postRequestedFor(urlPathMatching("/v1/text-to-speech/.*/stream"))
                .withQueryParam("output_format", equalTo("ulaw_8000")));
        as(ada).get("/internal/voice/greeting/" + ada).then().statusCode(403);
    }

    @Test
    void voiceSpeakIntentIsAnsweredWithAnAudioUrl() {
        String ada = TestIdentity.newUserId();
        String requestId = UUID.randomUUID().toString();
        var answers = kafka.consumeStrings().fromTopics("voice.fetched");
        kafka.produceStrings().fromRecords(CloudEventRecords.event("chat.intent", "/chat-service", ada,
                "{\"requestId\":\"" + requestId + "\",\"conversationId\":\"c1\",\"intent\":\"voice.speak\","
                        + "\"params\":{\"text\":\"Read this aloud.\"}}")).awaitCompletion(PATIENCE);

        await().atMost(PATIENCE).until(() -> answers.getRecords().stream().anyMatch(r -> r.value().contains(requestId)
                && r.value().contains("\"status\":\"ok\"") && r.value().contains("/api/voice/audio/")));
        answers.close();
    }

    @Test
    void deletedAccountLosesItsClonesAtElevenLabs() {
        String ada = TestIdentity.newUserId();
        String providerVoice = cloned(ada);

        kafka.produceStrings().fromRecords(CloudEventRecords.event("user.deleted", "/auth-service", ada,
                "{\"userId\":\"" + ada + "\"}")).awaitCompletion(PATIENCE);

        await().atMost(PATIENCE).untilAsserted(() -> elevenLabs.verify(
                deleteRequestedFor(urlPathEqualTo("/v1/voices/" + providerVoice))));
        await().atMost(PATIENCE).untilAsserted(() -> as(ada).get("/api/voice/voices").then().body("$", hasSize(0)));
    }

    private String cloned(String user) {
        String providerVoice = "pv" + UUID.randomUUID().toString().substring(0, 8);
        elevenLabs.stubFor(post(urlPathEqualTo("/v1/voices/add")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"voice_id\":\"" + providerVoice + "\"}")));
        clone(user, recordedConsent(user)).then().statusCode(201);
        return providerVoice;
    }

    private String recordedConsent(String user) {
        String consent = as(user).contentType(ContentType.JSON).body("{}").post("/api/voice/consents").then()
                .statusCode(200).extract().path("id");
        record(user, consent).then().statusCode(200);
        return consent;
    }

    private io.restassured.response.Response record(String user, String consent) {
        return as(user).multiPart("recording", CONSENT_READING.toFile(), "audio/wav")
                .post("/api/voice/consents/" + consent + "/recording");
    }

    private io.restassured.response.Response clone(String user, String consent) {
        return cloneWith(user, consent, MINUTE_AND_A_HALF);
    }

    private io.restassured.response.Response cloneWith(String user, String consent, Path sample) {
        return as(user).multiPart("consentId", consent).multiPart("name", "My voice")
                .multiPart("samples", sample.toFile(), "audio/wav").post("/api/voice/voices");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestIdentity.accessToken(user));
    }
}

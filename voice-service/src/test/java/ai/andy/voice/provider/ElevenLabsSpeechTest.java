package ai.andy.voice.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import ai.andy.testsupport.InjectWireMock;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import ai.andy.testsupport.WireMockResource;
import ai.andy.voice.support.ElevenLabsProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Speech through the ElevenLabs client against a WireMock fake speaking ElevenLabs' documented wire format. */
@QuarkusTest
@TestProfile(ElevenLabsProfile.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "voice"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WireMockResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "properties", value = "quarkus.rest-client.elevenlabs.url"))
class ElevenLabsSpeechTest {
    @InjectWireMock
    WireMockServer elevenLabs;

    @AfterEach
    void reset() {
        CircuitBreakerMaintenance.get().resetAll();
        elevenLabs.resetAll();
    }

    @Test
    void streamsMp3SentenceBySentenceWithTheKeyModelAndFormat() {
        stubSpeech("narrator", "ID3-first-", "ID3-rest");
        String first = "Good morning.";
        String rest = " You have two meetings today. The first is at nine.";

        byte[] audio = speak(TestIdentity.newUserId(), Map.of("text", first + rest, "voiceId", "narrator"))
                .then().statusCode(200).contentType("audio/mpeg").extract().asByteArray();

        assertThat(new String(audio, StandardCharsets.US_ASCII)).isEqualTo("ID3-first-ID3-rest");
        elevenLabs.verify(1, postRequestedFor(urlPathEqualTo("/v1/text-to-speech/narrator/stream"))
                .withHeader("xi-api-key", equalTo(ElevenLabsProfile.KEY))
                .withQueryParam("output_format", equalTo("mp3_44100_128"))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Good morning.")))
                .withRequestBody(matchingJsonPath("$.model_id", equalTo("eleven_multilingual_v2"))));
        elevenLabs.verify(1, postRequestedFor(urlPathEqualTo("/v1/text-to-speech/narrator/stream"))
                .withRequestBody(matchingJsonPath("$.text", equalTo("You have two meetings today. The first is at nine."))));
    }

    @Test
    void callAudioIsUlaw8000WrappedAsWav() throws Exception {
        byte[] ulaw = new byte[8000]; // one second of mu-law "silence" (0xFF)
        java.util.Arrays.fill(ulaw, (byte) 0xFF);
        elevenLabs.stubFor(post(urlPathEqualTo("/v1/text-to-speech/narrator/stream"))
                .withQueryParam("output_format", equalTo("ulaw_8000"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/basic").withBody(ulaw)));

        byte[] audio = speak(TestIdentity.newUserId(), Map.of("text", "Hello caller.", "voiceId", "narrator",
                "format", "ulaw")).then().statusCode(200).contentType("audio/wav").extract().asByteArray();

        AudioFileFormat wav = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(audio));
        assertThat(wav.getFormat().getEncoding()).isEqualTo(javax.sound.sampled.AudioFormat.Encoding.ULAW);
        assertThat(wav.getFormat().getSampleRate()).isEqualTo(8000f);
        assertThat(wav.getFrameLength()).isEqualTo(8000);
        elevenLabs.verify(postRequestedFor(urlPathEqualTo("/v1/text-to-speech/narrator/stream"))
                .withRequestBody(matchingJsonPath("$.model_id", equalTo("eleven_flash_v2_5"))));
    }

    @Test
    void refusedKeyTellsTheOperatorToFixIt() {
        stubError("narrator", 401, "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}",
                null);

        speak(TestIdentity.newUserId(), Map.of("text", "Hello.", "voiceId", "narrator")).then().statusCode(502)
                .contentType("application/problem+json")
                .body("detail", containsString("must fix ANDY_ELEVENLABS_API_KEY"));
    }

    @Test
    void usedUpQuotaIsSaidPlainly() {
        stubError("narrator", 401, "{\"detail\":{\"status\":\"quota_exceeded\",\"message\":\"This request exceeds "
                + "your quota of 10000.\"}}", null);

        speak(TestIdentity.newUserId(), Map.of("text", "Hello.", "voiceId", "narrator")).then().statusCode(429)
                .body("title", org.hamcrest.Matchers.equalTo("Speech quota used up"))
                .body("detail", containsString("quota is used up"));
    }

    @Test
    void rateLimitPassesRetryAfterOnAndRefundsTheBudget() {
        stubError("narrator", 429, "{\"detail\":{\"status\":\"too_many_concurrent_requests\",\"message\":\"Too many "
                + "concurrent requests\"}}", "7");

        speak(TestIdentity.newUserId(), Map.of("text", "Hello.", "voiceId", "narrator")).then().statusCode(429)
                .header("Retry-After", "7").body("detail", containsString("too_many_concurrent_requests"));
    }

    @Test
    void repeatedOutagesOpenTheBreaker() {
        stubError("narrator", 503, "{\"detail\":\"overloaded\"}", null);
        String user = TestIdentity.newUserId();
        for (int i = 0; i < 4; i++) {
            speak(user, Map.of("text", "Hello number " + i + ".", "voiceId", "narrator")).then().statusCode(503);
        }
        int callsBefore = elevenLabs.findAll(postRequestedFor(urlPathEqualTo("/v1/text-to-speech/narrator/stream")))
                .size();

        speak(user, Map.of("text", "Anyone there?", "voiceId", "narrator")).then().statusCode(503)
                .header("Retry-After", "30").body("detail", containsString("pauses calls"));
        assertThat(elevenLabs.findAll(postRequestedFor(urlPathEqualTo("/v1/text-to-speech/narrator/stream"))))
                .hasSize(callsBefore);
    }

    private void stubSpeech(String voice, String firstChunk, String restChunk) {
        elevenLabs.stubFor(post(urlPathEqualTo("/v1/text-to-speech/" + voice + "/stream"))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Good morning.")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg")
                        .withBody(firstChunk).withChunkedDribbleDelay(3, 30)));
        elevenLabs.stubFor(post(urlPathEqualTo("/v1/text-to-speech/" + voice + "/stream"))
                .withRequestBody(matchingJsonPath("$.text", equalTo("You have two meetings today. The first is at nine.")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg")
                        .withBody(restChunk).withChunkedDribbleDelay(3, 30)));
    }

    private void stubError(String voice, int status, String body, String retryAfter) {
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
        if (retryAfter != null) {
            response = response.withHeader("Retry-After", retryAfter);
        }
        elevenLabs.stubFor(post(urlPathEqualTo("/v1/text-to-speech/" + voice + "/stream")).willReturn(response));
    }

    private static Response speak(String user, Map<String, Object> body) {
        return given().auth().oauth2(TestIdentity.accessToken(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/voice/speech");
    }
}

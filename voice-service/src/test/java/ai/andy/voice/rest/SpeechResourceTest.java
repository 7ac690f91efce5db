package ai.andy.voice.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;

import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** POST /api/voice/speech with the local engine (espeak-ng + sox), signed audio URLs, the cache and the budget. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "voice"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
class SpeechResourceTest {
    private static final String URL_KEY = "test-only-url-signing-key-0123456789abcdef";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void speaksWavForTheClient() throws Exception {
        byte[] audio = speak(TestIdentity.newUserId(), Map.of("text", "Your next meeting is at ten."))
                .then().statusCode(200).contentType("audio/wav").extract().asByteArray();

        AudioFileFormat wav = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(audio));
        assertThat(wav.getFormat().getEncoding()).isEqualTo(javax.sound.sampled.AudioFormat.Encoding.PCM_SIGNED);
        assertThat(wav.getFrameLength()).isPositive();
    }

    @Test
    void signedUrlWorksWithoutATokenAndIsCachedForTheSameText() throws Exception {
        String user = TestIdentity.newUserId();
        Map<String, Object> body = Map.of("text", "Hello from the cache.", "format", "ulaw", "delivery", "url");
        Response first = speak(user, body).then().statusCode(200).body("cached", equalTo(false))
                .body("format", equalTo("ulaw")).extract().response();
        String url = first.path("url");
        assertThat(url).startsWith("http://andy.test/api/voice/audio/");

        byte[] audio = given().when().get(local(url)).then().statusCode(200).contentType("audio/wav")
                .extract().asByteArray();
        AudioFileFormat wav = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(audio));
        assertThat(wav.getFormat().getEncoding()).isEqualTo(javax.sound.sampled.AudioFormat.Encoding.ULAW);
        assertThat(wav.getFormat().getSampleRate()).isEqualTo(8000f);

        String again = speak(user, body).then().statusCode(200).body("cached", equalTo(true)).extract().path("url");
        assertThat(id(again)).isEqualTo(id(url));
    }

    @Test
    void tamperedOrExpiredUrlsAreRefused() {
        String url = speak(TestIdentity.newUserId(), Map.of("text", "Tamper with me.", "delivery", "url"))
                .then().statusCode(200).extract().path("url");
        String path = local(url);
        String id = id(url);

        given().when().get(path.replaceFirst("signature=.", "signature=A")).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("expired"));
        long later = Long.parseLong(path.replaceAll(".*expires=(\\d+).*", "$1")) + 3600;
        given().when().get(path.replaceFirst("expires=\\d+", "expires=" + later)).then().statusCode(403);
        long past = Instant.now().minusSeconds(5).getEpochSecond();
        given().when().get("/api/voice/audio/" + id + "?expires=" + past + "&signature=" + sign(id, past))
                .then().statusCode(403);
        long future = Instant.now().plusSeconds(60).getEpochSecond();
        given().when().get("/api/voice/audio/" + id + "?expires=" + future + "&signature=" + sign(id, future))
                .then().statusCode(200);
    }

    @Test
    void dailyBudgetStopsWithAMessageAndRetryAfter() {
        String user = TestIdentity.newUserId();
        speak(user, Map.of("text", "a ".repeat(800) + "one.", "delivery", "url")).then().statusCode(200);

        speak(user, Map.of("text", "b ".repeat(800) + "two.", "delivery", "url")).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("of your 3000 left today"));
        // the same text again is a cache hit and costs nothing
        speak(user, Map.of("text", "a ".repeat(800) + "one.", "delivery", "url")).then().statusCode(200)
                .body("cached", equalTo(true));
    }

    @Test
    void badRequestsAreExplained() {
        String user = TestIdentity.newUserId();
        speak(user, Map.of("text", " ")).then().statusCode(400).body("errors[0].field", equalTo("text"));
        speak(user, Map.of("text", "Hi.", "format", "mp3")).then().statusCode(400)
                .body("detail", containsString("mp3 needs ElevenLabs"));
        speak(user, Map.of("text", "Hi.", "format", "ogg")).then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().contentType(ContentType.JSON).body(Map.of("text", "Hi.")).when().post("/api/voice/speech")
                .then().statusCode(401);
    }

    @Test
    void renderingIsAnnouncedWithItsCharacters() {
        String user = TestIdentity.newUserId();
        var generated = kafka.consumeStrings().fromTopics("voice.generated");
        var usage = kafka.consumeStrings().fromTopics("usage.recorded");
        speak(user, Map.of("text", "Count these characters.", "delivery", "url")).then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> generated.getRecords().stream()
                .anyMatch(r -> user.equals(r.key()) && r.value().contains("\"characters\":23")));
        await().atMost(Duration.ofSeconds(20)).until(() -> usage.getRecords().stream()
                .anyMatch(r -> user.equals(r.key()) && r.value().contains("\"units\":23")
                        && r.value().contains("\"provider\":\"local\"")));
        generated.close();
        usage.close();
    }

    private static Response speak(String user, Map<String, Object> body) {
        return given().auth().oauth2(TestIdentity.accessToken(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/voice/speech");
    }

    static String local(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    static String id(String url) {
        return URI.create(url).getPath().replaceAll(".*/", "");
    }

    static String sign(String id, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(URL_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal((id + "." + expires).getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

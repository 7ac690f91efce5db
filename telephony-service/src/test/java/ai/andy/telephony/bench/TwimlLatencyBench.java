package ai.andy.telephony.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import ai.andy.telephony.support.People;
import ai.andy.telephony.support.People.Person;
import ai.andy.telephony.support.TwilioProfile;
import ai.andy.telephony.support.Webhook;
import ai.andy.testsupport.InjectWireMock;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import ai.andy.testsupport.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * bench/telephony: how long a caller waits for Andy's TwiML. Not part of the test suite (its name does not end in
 * Test); run by bench/telephony/run.sh. Timed at the HTTP client in the same JVM, so it is the service's own time
 * plus one loopback hop: (1) a signed {@code /twilio/voice} webhook as Twilio sends it, voice-service answering 404
 * (no greeting of their own); (2) the simulator's inbound call, which goes through the same webhook code in-process.
 */
@QuarkusTest
@TestProfile(TwilioProfile.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "telephony"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WireMockResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "properties", value = "andy.telephony.twilio.base-url,quarkus.rest-client.voice-service.url"))
class TwimlLatencyBench {
    private static final int WARMUP = Integer.getInteger("bench.warmup", 100);
    private static final int CALLS = Integer.getInteger("bench.calls", 500);

    @InjectWireMock
    WireMockServer fakes;

    @Test
    void webhookToTwiml() throws Exception {
        fakes.stubFor(get(urlPathMatching("/internal/voice/greeting/.*")).willReturn(aResponse().withStatus(404)));
        List<Double> twilio = time(WARMUP, CALLS, () -> Webhook.signed("/twilio/voice", Webhook.params(
                "CallSid", Webhook.sid("CA"), "From", "+14155550188", "To", TwilioProfile.LINE_NUMBER,
                "CallStatus", "ringing")).then().statusCode(200));
        Person someone = People.someone();
        List<Double> simulator = time(WARMUP, CALLS, () -> someone.api().body("{\"from\":\"+14155550188\"}")
                .post("/api/telephony/simulator/calls").then().statusCode(200));
        String report = String.format(Locale.ROOT, "| path | calls | p50 | p99 | target |%n|---|---|---|---|---|%n"
                + "| signed /twilio/voice → TwiML | %d | %.1f ms | %.1f ms | p99 ≤ 50 ms |%n"
                + "| simulator inbound call → TwiML (same webhook code, in-process) | %d | %.1f ms | %.1f ms | |%n",
                CALLS, pct(twilio, 50), pct(twilio, 99), CALLS, pct(simulator, 50), pct(simulator, 99));
        System.out.println(report);
        Files.writeString(Path.of("target/bench-telephony.md"), report);
        assertThat(twilio).hasSize(CALLS);
    }

    private static List<Double> time(int warmup, int calls, Runnable call) {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        return millis;
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

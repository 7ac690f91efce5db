package ai.andy.telephony.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import ai.andy.telephony.support.People;
import ai.andy.telephony.support.People.Person;
import ai.andy.telephony.support.TwilioProfile;
import ai.andy.testsupport.InjectWireMock;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import ai.andy.testsupport.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Texts through the Twilio SDK against a fake of Twilio's REST API speaking its documented JSON and errors. */
@QuarkusTest
@TestProfile(TwilioProfile.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "telephony"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WireMockResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "properties", value = "andy.telephony.twilio.base-url,quarkus.rest-client.voice-service.url"))
class TwilioTextsTest {
    private static final String MESSAGES = "/2010-04-01/Accounts/" + TwilioProfile.ACCOUNT_SID + "/Messages.json";

    @InjectWireMock
    WireMockServer twilio;

    Person ada;

    @BeforeEach
    void setUp() {
        twilio.resetAll();
        ada = People.someone();
    }

    @Test
    void aTextGoesToTwilioWithItsStatusCallbackAndIsKeptAsSent() {
        String to = "+14155550123";
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(created(message("SM" + hex(), to, "queued",
                "-0.00790"))));

        ada.api().body("{\"to\":\"(415) 555-0123\",\"body\":\"Running 10 minutes late\"}").post("/api/telephony/sms")
                .then().statusCode(201)
                .body("number", equalTo(to))
                .body("body", equalTo("Running 10 minutes late"))
                .body("status", equalTo("queued"))
                .body("simulated", equalTo(false))
                .body("carrier", equalTo("twilio"));

        twilio.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(TwilioProfile.ACCOUNT_SID,
                        TwilioProfile.AUTH_TOKEN))
                .withRequestBody(containing("To=%2B14155550123"))
                .withRequestBody(containing("From=%2B14155550100"))
                .withRequestBody(containing("Body=Running+10+minutes+late"))
                .withRequestBody(containing("StatusCallback=https%3A%2F%2Fandy.test%2Ftwilio%2Fsms%2Fstatus")));
    }

    @Test
    void theSameIdempotencyKeySendsOnce() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(created(message("SM" + hex(), "+14155550124", "queued",
                null))));
        String key = UUID.randomUUID().toString();
        String first = ada.api().header("Idempotency-Key", key).body("{\"to\":\"+14155550124\",\"body\":\"Hi\"}")
                .post("/api/telephony/sms").then().statusCode(201).extract().path("id");
        String second = ada.api().header("Idempotency-Key", key).body("{\"to\":\"+14155550124\",\"body\":\"Hi\"}")
                .post("/api/telephony/sms").then().statusCode(200).extract().path("id");
        assertThat(second).isEqualTo(first);
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void anInvalidNumberIsExplainedAndKeptAsFailed() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(error(400, 21211,
                "The 'To' number +14155550199 is not a valid phone number.")));
        ada.api().body("{\"to\":\"+14155550199\",\"body\":\"Hello\"}").post("/api/telephony/sms")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("cannot receive texts"));
        ada.api().get("/api/telephony/sms/threads").then().statusCode(200)
                .body("items[0].status", equalTo("failed"))
                .body("items[0].errorCode", equalTo(21211));
    }

    @Test
    void anUnsubscribedRecipientIsRememberedAndNotAskedAgain() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(error(400, 21610,
                "Attempt to send to unsubscribed recipient")));
        ada.api().body("{\"to\":\"+14155550177\",\"body\":\"Hello\"}").post("/api/telephony/sms")
                .then().statusCode(409).body("detail", containsString("STOP"));
        ada.api().body("{\"to\":\"+14155550177\",\"body\":\"Hello again\"}").post("/api/telephony/sms")
                .then().statusCode(409).body("detail", containsString("STOP"));
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aRateLimitSendsNothingAndTheSameKeyCanRetry() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"more_info\": "
                        + "\"https://www.twilio.com/docs/errors/20429\", \"status\": 429}")));
        String key = UUID.randomUUID().toString();
        ada.api().header("Idempotency-Key", key).body("{\"to\":\"+14155550155\",\"body\":\"Later\"}")
                .post("/api/telephony/sms").then().statusCode(503).body("detail", containsString("nothing was sent"));

        twilio.resetAll();
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(created(message("SM" + hex(), "+14155550155", "queued",
                null))));
        ada.api().header("Idempotency-Key", key).body("{\"to\":\"+14155550155\",\"body\":\"Later\"}")
                .post("/api/telephony/sms").then().statusCode(201).body("status", equalTo("queued"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String json) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(json);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, int code,
            String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\": " + code + ", \"message\": \"" + message + "\", \"more_info\": "
                        + "\"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status + "}");
    }

    /** A Message resource as Twilio's API reference documents it. */
    static String message(String sid, String to, String status, String price) {
        String account = TwilioProfile.ACCOUNT_SID;
        return "{\"account_sid\": \"" + account + "\", \"api_version\": \"2010-04-01\", \"body\": \"(body)\","
                + " \"date_created\": \"Thu, 24 Aug 2023 05:01:45 +0000\", \"date_sent\": null,"
                + " \"date_updated\": \"Thu, 24 Aug 2023 05:01:45 +0000\", \"direction\": \"outbound-api\","
                + " \"error_code\": null, \"error_message\": null, \"from\": \"" + TwilioProfile.FROM + "\","
                + " \"messaging_service_sid\": null, \"num_media\": \"0\", \"num_segments\": \"1\","
                + " \"price\": " + (price == null ? "null" : "\"" + price + "\"") + ", \"price_unit\": \"USD\","
                + " \"sid\": \"" + sid + "\", \"status\": \"" + status + "\", \"subresource_uris\": {\"media\":"
                + " \"/2010-04-01/Accounts/" + account + "/Messages/" + sid + "/Media.json\"}, \"to\": \"" + to
                + "\", \"uri\": \"/2010-04-01/Accounts/" + account + "/Messages/" + sid + ".json\"}";
    }

    static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }

}

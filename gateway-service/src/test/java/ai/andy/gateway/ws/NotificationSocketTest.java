package ai.andy.gateway.ws;

import static ai.andy.testsupport.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import ai.andy.gateway.support.GatewayTestProfile;
import ai.andy.gateway.support.Tokens;
import ai.andy.gateway.support.WsClient;
import ai.andy.testsupport.CloudEventRecords;
import ai.andy.testsupport.InjectKafkaCompanion;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class NotificationSocketTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void eachPersonGetsTheirOwnNotificationsOnEveryConnectionAndNoOneElses() throws Exception {
        String ada = Tokens.newUserId();
        String bo = Tokens.newUserId();
        try (WsClient adaPhone = WsClient.withSubprotocol(Tokens.access(ada));
                WsClient adaLaptop = WsClient.withAuthMessage(Tokens.access(ada));
                WsClient boPhone = WsClient.withSubprotocol(Tokens.access(bo))) {
            assertThat(adaPhone.subprotocol()).isEqualTo("andy.v1");
            for (WsClient client : List.of(adaPhone, adaLaptop, boPhone)) {
                assertThat(client.next(PATIENCE).getString("type")).isEqualTo("ready");
            }

            String adaEvent = notify(ada, "For Ada");
            String boEvent = notify(bo, "For Bo");

            JsonObject toAda = adaPhone.next(PATIENCE);
            assertThat(toAda.getString("type")).isEqualTo("notify");
            assertThat(toAda.getString("id")).isEqualTo(adaEvent);
            assertThat(toAda.getString("kind")).isEqualTo("reminder");
            assertThat(toAda.getString("title")).isEqualTo("For Ada");
            assertThat(toAda.getString("text")).isEqualTo("Meeting at 10:00");
            assertThat(toAda.getJsonObject("data").getString("eventId")).isEqualTo("ev-1");
            assertThat(toAda.getString("time")).isNotBlank();
            assertThat(adaLaptop.next(PATIENCE).getString("id")).isEqualTo(adaEvent);
            assertThat(boPhone.next(PATIENCE).getString("id")).isEqualTo(boEvent);

            // Nothing else arrives: in particular not the other person's event.
            String marker = notify(ada, "Marker");
            assertThat(adaPhone.next(PATIENCE).getString("id")).isEqualTo(marker);
            assertThat(boPhone.nothingWithin(Duration.ofMillis(500))).isTrue();
        }
    }

    @Test
    void reconnectingClientGetsNewEvents() throws Exception {
        String userId = Tokens.newUserId();
        try (WsClient first = WsClient.withSubprotocol(Tokens.access(userId))) {
            first.next(PATIENCE);
            String id = notify(userId, "Before");
            assertThat(first.next(PATIENCE).getString("id")).isEqualTo(id);
        }
        try (WsClient again = WsClient.withSubprotocol(Tokens.access(userId))) {
            again.next(PATIENCE);
            String id = notify(userId, "After");
            assertThat(again.next(PATIENCE).getString("id")).isEqualTo(id);
        }
    }

    @Test
    void connectionWithoutTokenIsClosedForPolicyViolation() throws Exception {
        try (WsClient silent = WsClient.withoutAuth()) {
            assertThat(silent.closeCode(PATIENCE)).isEqualTo(1008);
        }
    }

    @Test
    void badTokensAreClosedForPolicyViolation() throws Exception {
        for (String token : List.of(Tokens.expired(Tokens.newUserId()), Tokens.unsigned(Tokens.newUserId()),
                Tokens.service("chat-service"), Tokens.unknownKey(Tokens.newUserId()))) {
            try (WsClient viaSubprotocol = WsClient.withSubprotocol(token)) {
                assertThat(viaSubprotocol.closeCode(PATIENCE)).isEqualTo(1008);
            }
            try (WsClient viaMessage = WsClient.withAuthMessage(token)) {
                assertThat(viaMessage.closeCode(PATIENCE)).isEqualTo(1008);
            }
        }
        try (WsClient wrongFirstMessage = WsClient.withoutAuth()) {
            wrongFirstMessage.send("{\"type\":\"hello\"}");
            assertThat(wrongFirstMessage.closeCode(PATIENCE)).isEqualTo(1008);
        }
    }

    @Test
    void connectionClosesWhenItsTokenExpires() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        // Expired 28 s ago: still inside the 30 s clock skew, so accepted, and due to close in about 2 s.
        String nearlyGone = Tokens.access(Tokens.newUserId(), c -> {
            c.setIssuedAt(NumericDate.fromSeconds(now - 900));
            c.setExpirationTime(NumericDate.fromSeconds(now - 28));
        });
        try (WsClient client = WsClient.withSubprotocol(nearlyGone)) {
            assertThat(client.next(PATIENCE).getString("type")).isEqualTo("ready");
            assertThat(client.closeCode(Duration.ofSeconds(10))).isEqualTo(1008);
            assertThat(client.closeReason()).contains("expired");
        }
    }

    @Test
    void freshTokenForTheSamePersonKeepsTheConnectionOpen() throws Exception {
        String userId = Tokens.newUserId();
        long now = System.currentTimeMillis() / 1000;
        String nearlyGone = Tokens.access(userId, c -> {
            c.setIssuedAt(NumericDate.fromSeconds(now - 900));
            c.setExpirationTime(NumericDate.fromSeconds(now - 28));
        });
        try (WsClient client = WsClient.withSubprotocol(nearlyGone)) {
            client.next(PATIENCE);
            client.send(new JsonObject().put("type", "auth").put("token", Tokens.access(userId)).encode());
            assertThat(client.next(PATIENCE).getString("type")).isEqualTo("ready");
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
            String id = notify(userId, "Still here");
            assertThat(client.next(PATIENCE).getString("id")).isEqualTo(id);

            client.send(new JsonObject().put("type", "auth").put("token", Tokens.access(Tokens.newUserId())).encode());
            assertThat(client.closeCode(PATIENCE)).isEqualTo(1008);
        }
    }

    @Test
    void malformedNotificationsGoToTheDeadLetterTopicAndLaterOnesStillFlow() throws Exception {
        String userId = Tokens.newUserId();
        try (WsClient client = WsClient.withSubprotocol(Tokens.access(userId))) {
            client.next(PATIENCE);
            String poisonId = UUID.randomUUID().toString();
            send(event("notify.user", poisonId, "/chat-service", userId, "{\"kind\": "));
            String good = notify(userId, "After the poison");

            assertThat(client.next(PATIENCE).getString("id")).isEqualTo(good);
            List<ConsumerRecord<String, String>> dead = kafka.consumeStrings().fromTopics("notify.user.dlq")
                    .awaitRecords(1, PATIENCE).getRecords();
            assertThat(dead).anyMatch(r -> poisonId.equals(CloudEventRecords.header(r, "ce_id")));
        }
    }

    /** Publishes a notify.user event as another service would, and returns its id. */
    private String notify(String userId, String title) {
        String id = UUID.randomUUID().toString();
        send(event("notify.user", id, "/calendar-service", userId, new JsonObject().put("kind", "reminder")
                .put("title", title).put("text", "Meeting at 10:00").put("data", new JsonObject().put("eventId", "ev-1"))
                .encode()));
        return id;
    }

    private void send(org.apache.kafka.clients.producer.ProducerRecord<String, String> record) {
        kafka.produceStrings().fromRecords(record).awaitCompletion(PATIENCE);
    }
}

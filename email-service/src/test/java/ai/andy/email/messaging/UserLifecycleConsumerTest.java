package ai.andy.email.messaging;

import static ai.andy.testsupport.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ai.andy.testsupport.AndyServiceTest;
import ai.andy.testsupport.Database;
import ai.andy.testsupport.CloudEventRecords;
import ai.andy.testsupport.InjectKafkaCompanion;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@AndyServiceTest(service = "email")
class UserLifecycleConsumerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @ConfigProperty(name = "andy.db.name")
    String database;

    @Test
    void newPersonGetsALocalMailbox() throws Exception {
        String userId = newUserId();
        send(event("user.created", "/auth-service", userId, userCreated(userId, "ada@example.org")));

        await().atMost(PATIENCE).until(() -> localMailboxes(userId) == 1);
        assertThat(address(userId)).isEqualTo("ada@example.org");
    }

    @Test
    void redeliveredEventIsAppliedOnce() throws Exception {
        String userId = newUserId();
        String createdId = UUID.randomUUID().toString();
        var created = event("user.created", createdId, "/auth-service", userId, userCreated(userId, "bo@example.org"));

        send(created);
        await().atMost(PATIENCE).until(() -> localMailboxes(userId) == 1);
        send(event("user.deleted", "/auth-service", userId, "{\"userId\":\"" + userId + "\"}"));
        await().atMost(PATIENCE).until(() -> localMailboxes(userId) == 0);

        // At-least-once delivery hands the old user.created over again; it must not bring the mailbox back.
        send(event("user.created", createdId, "/auth-service", userId, userCreated(userId, "bo@example.org")));
        String marker = newUserId();
        send(event("user.created", "/auth-service", marker, userCreated(marker, "marker@example.org")));
        await().atMost(PATIENCE).until(() -> localMailboxes(marker) == 1);

        assertThat(localMailboxes(userId)).isZero();
        assertThat(processedCount("email-service/user.created", createdId)).isEqualTo(1);
    }

    @Test
    void poisonMessageGoesToDeadLetterTopicAndLaterMessagesStillFlow() throws Exception {
        String poisonUser = newUserId();
        String poisonId = UUID.randomUUID().toString();
        String garbage = "{\"userId\": \"" + poisonUser + "\", \"email\": ";
        send(event("user.created", poisonId, "/auth-service", poisonUser, garbage));
        String notAnEvent = newUserId();
        send(CloudEventRecords.bare("user.created", notAnEvent, userCreated(notAnEvent, "bare@example.org")));
        String after = newUserId();
        send(event("user.created", "/auth-service", after, userCreated(after, "after@example.org")));

        await().atMost(PATIENCE).until(() -> localMailboxes(after) == 1);

        var deadLetters = kafka.consumeStrings().fromTopics("user.created.dlq")
                .awaitRecords(2, PATIENCE).getRecords();
        ConsumerRecord<String, String> poison = deadLetter(deadLetters, poisonUser);
        assertThat(poison.value()).isEqualTo(garbage);
        assertThat(CloudEventRecords.header(poison, "ce_id")).isEqualTo(poisonId);
        assertThat(CloudEventRecords.header(poison, "dead-letter-reason")).contains("not a valid UserCreated");
        ConsumerRecord<String, String> bare = deadLetter(deadLetters, notAnEvent);
        assertThat(CloudEventRecords.header(bare, "dead-letter-reason")).contains("not a CloudEvent");
        assertThat(localMailboxes(poisonUser)).isZero();
        assertThat(localMailboxes(notAnEvent)).isZero();
    }

    private static ConsumerRecord<String, String> deadLetter(java.util.List<ConsumerRecord<String, String>> records,
            String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter with key " + key + " among " + records.size()));
    }

    private void send(org.apache.kafka.clients.producer.ProducerRecord<String, String> record) {
        kafka.produceStrings().fromRecords(record).awaitCompletion(PATIENCE);
    }

    private static String userCreated(String userId, String email) {
        return "{\"userId\":\"" + userId + "\",\"email\":\"" + email + "\",\"displayName\":\"Test Person\","
                + "\"timezone\":\"Europe/Paris\",\"addedLater\":\"ignored\"}";
    }

    private static String newUserId() {
        return "u-" + UUID.randomUUID();
    }

    private long localMailboxes(String userId) {
        return Database.of(database).count(
                "select count(*) from mail_account where user_id = ? and provider = 'local'", userId);
    }

    private long processedCount(String consumer, String eventId) {
        return Database.of(database).count(
                "select count(*) from processed_event where consumer = ? and event_id = ?", consumer, eventId);
    }

    private String address(String userId) {
        return Database.of(database).value("select address from mail_account where user_id = ?", userId);
    }
}

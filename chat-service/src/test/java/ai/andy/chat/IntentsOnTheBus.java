package ai.andy.chat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The {@code chat.intent} records chat-service publishes for one person, as a test sees them on the broker. */
public final class IntentsOnTheBus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsumerTask<String, String> records;
    private final String userId;

    private IntentsOnTheBus(ConsumerTask<String, String> records, String userId) {
        this.records = records;
        this.userId = userId;
    }

    /** Starts reading {@code chat.intent}; call before the turn whose intents the test looks for. */
    public static IntentsOnTheBus watch(KafkaCompanion kafka, String userId) {
        return new IntentsOnTheBus(kafka.consumeStrings().fromTopics("chat.intent"), userId);
    }

    /** The person's intents of this name published so far. */
    public List<JsonNode> named(String intent) {
        List<JsonNode> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records.getRecords()) {
            try {
                JsonNode payload = JSON.readTree(record.value());
                if (userId.equals(record.key()) && payload.path("intent").asText().equals(intent)) {
                    found.add(payload);
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("chat.intent carried something that is not JSON", e);
            }
        }
        return found;
    }

    public void stop() {
        records.stop();
    }

    /** The first intent of this name, waiting for it as long as {@code patience}. */
    public JsonNode first(String intent, Duration patience) {
        return await().atMost(patience).until(() -> named(intent), list -> !list.isEmpty()).get(0);
    }
}

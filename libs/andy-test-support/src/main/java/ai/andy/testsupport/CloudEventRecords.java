package ai.andy.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Kafka records shaped as Andy's events on the wire (CloudEvents 1.0, binary content mode), for tests that play the
 * part of another service. Built by hand on purpose: they check the wire format, not just our own code's round trip.
 */
public final class CloudEventRecords {

    /** A well-formed event with a fresh id. */
    public static ProducerRecord<String, String> event(String topic, String source, String userId, String json) {
        return event(topic, UUID.randomUUID().toString(), source, userId, json);
    }

    public static ProducerRecord<String, String> event(String topic, String id, String source, String userId,
            String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, userId, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", "andy." + topic);
        header(record, "ce_source", source);
        header(record, "ce_subject", userId);
        header(record, "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        header(record, "content-type", "application/json");
        return record;
    }

    /** The same bytes with no CloudEvents headers at all: something that is not an Andy event. */
    public static ProducerRecord<String, String> bare(String topic, String key, String value) {
        return new ProducerRecord<>(topic, key, value);
    }

    public static String header(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private CloudEventRecords() {
    }
}

package ai.andy.events;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Writes and reads Andy's event envelope: CloudEvents 1.0 in binary content mode (attributes in {@code ce_*}
 * Kafka headers, JSON payload as the record value), record key = user id so one person's events stay in order.
 * <p>
 * Payloads travel as JSON strings and are decoded here rather than by a Kafka deserializer: a record that does not
 * decode is then an ordinary processing failure that reaches the dead-letter topic with its original bytes,
 * instead of an error inside the poll loop that would stop the partition.
 */
public final class Events {
    public static final String CONTENT_TYPE = "application/json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Payloads evolve by adding fields; older consumers must keep working.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * A message for {@code topic} on behalf of {@code userId}, for an {@code Emitter<String>} or
     * {@code MutinyEmitter<String>}. The record names its topic, so it goes there whatever channel sends it.
     *
     * @param service the publishing service's name, e.g. {@code auth-service}; becomes the source {@code /auth-service}
     */
    public static Message<String> message(String service, String topic, String userId, Object payload) {
        return messageFromJson(service, topic, userId, toJson(payload), UUID.randomUUID().toString());
    }

    /** As {@link #message}, for a payload already written as JSON and an event id chosen by the caller. */
    public static Message<String> messageFromJson(String service, String topic, String userId, String json,
            String eventId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("every event belongs to a user: userId is required");
        }
        OutgoingCloudEventMetadata<Object> ce = OutgoingCloudEventMetadata.builder()
                .withId(eventId)
                .withType(Topics.eventType(topic))
                .withSource(URI.create("/" + service))
                .withSubject(userId)
                .withDataContentType(CONTENT_TYPE)
                .withTimestamp(OffsetDateTime.now(ZoneOffset.UTC).toZonedDateTime())
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(topic)
                .withKey(userId)
                .build();
        return Message.of(json).addMetadata(ce).addMetadata(kafka);
    }

    /** Reads an incoming record's envelope and payload; throws {@link MalformedEventException} if it has neither. */
    public static <T> AndyEvent<T> read(Message<String> message, Class<T> payloadType) {
        IncomingCloudEventMetadata<?> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new MalformedEventException("not a CloudEvent: the record has no ce_* headers"));
        if (ce.getSubject().isEmpty() || ce.getSubject().get().isBlank()) {
            throw new MalformedEventException("event " + ce.getId() + " has no subject (user id)");
        }
        String body = message.getPayload();
        if (body == null || body.isBlank()) {
            throw new MalformedEventException("event " + ce.getId() + " has no payload");
        }
        T data;
        try {
            data = JSON.readValue(body, payloadType);
        } catch (JsonProcessingException e) {
            // The message of a Jackson error quotes the payload; keep personal data out of the dead-letter reason.
            throw new MalformedEventException("event " + ce.getId() + " payload is not a valid "
                    + payloadType.getSimpleName() + " (" + e.getOriginalMessage().split(":")[0] + ")");
        }
        OffsetDateTime time = ce.getTimeStamp().map(z -> z.toOffsetDateTime()).orElse(null);
        return new AndyEvent<>(ce.getId(), ce.getType(), ce.getSource().toString(), ce.getSubject().get(), time, data);
    }

    public static String toJson(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be written as JSON: " + payload.getClass().getName(), e);
        }
    }

    private Events() {
    }
}

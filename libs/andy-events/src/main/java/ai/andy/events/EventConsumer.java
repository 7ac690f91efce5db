package ai.andy.events;

import java.time.Duration;
import java.util.function.Function;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * How every Andy consumer handles a record: decode the envelope, apply the effect with a few retries for transient
 * failures, then acknowledge. A record that still fails, or that can never be decoded, is negatively acknowledged;
 * with the channel's {@code failure-strategy=dead-letter-queue} it then lands on {@code <topic>.dlq} with the error in
 * its {@code dead-letter-reason} header, and the partition moves on.
 */
public final class EventConsumer {
    static final int RETRIES = 3;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    public static <T> Uni<Void> consume(Message<String> message, Class<T> payloadType,
            Function<AndyEvent<T>, Uni<Void>> effect) {
        AndyEvent<T> event;
        try {
            event = Events.read(message, payloadType);
        } catch (MalformedEventException e) {
            Log.warnf("dead-lettering a malformed record: %s", e.getMessage());
            return Uni.createFrom().completionStage(message.nack(e));
        }
        return Uni.createFrom().deferred(() -> effect.apply(event))
                .onFailure(failure -> !(failure instanceof MalformedEventException))
                .retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).withJitter(0.5).atMost(RETRIES)
                .onItemOrFailure().transformToUni((ignored, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    Log.errorf("dead-lettering event %s (%s) after retries: %s", event.id(), event.type(),
                            failure.toString());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    private EventConsumer() {
    }
}

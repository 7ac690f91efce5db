package ai.andy.voice.messaging;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import ai.andy.events.Events;
import ai.andy.events.Topics;
import ai.andy.events.payload.UsageRecorded;
import ai.andy.events.payload.VoiceGenerated;
import ai.andy.voice.config.ElevenLabsConfig;
import ai.andy.voice.service.VoiceEvents;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * voice-service's events, straight to Kafka (not through the outbox: a rendering is not one database transaction
 * with anything; a lost event costs a usage line, never audio).
 */
@ApplicationScoped
public class KafkaVoiceEvents implements VoiceEvents {
    private final MutinyEmitter<String> kafka;
    private final ElevenLabsConfig elevenLabs;

    KafkaVoiceEvents(@Channel("voice-events") MutinyEmitter<String> kafka, ElevenLabsConfig elevenLabs) {
        this.kafka = kafka;
        this.elevenLabs = elevenLabs;
    }

    @Override
    public void generated(String userId, VoiceGenerated generated) {
        publish(Topics.VOICE_GENERATED, userId, generated);
        BigDecimal cost = "elevenlabs".equals(generated.engine())
                ? elevenLabs.costPerThousandCharacters().map(price -> price.multiply(BigDecimal.valueOf(
                        generated.characters())).divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP)).orElse(null)
                : BigDecimal.ZERO;
        publish(Topics.USAGE_RECORDED, userId, new UsageRecorded("voice-service", generated.engine(),
                "speech." + generated.purpose(), generated.characters(), cost));
    }

    public void publish(String topic, String userId, Object payload) {
        kafka.sendMessage(Events.message("voice-service", topic, userId, payload))
                .subscribe().with(ok -> { }, failure -> Log.warnf("could not publish a %s event: %s", topic,
                        failure.getClass().getSimpleName()));
    }
}

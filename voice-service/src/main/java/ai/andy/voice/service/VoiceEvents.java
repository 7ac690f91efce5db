package ai.andy.voice.service;

import ai.andy.events.payload.VoiceGenerated;

/** What the service announces; messaging/ sends it to Kafka. */
public interface VoiceEvents {
    /** {@code voice.generated} and, for a paid provider or any engine, {@code usage.recorded} (characters). */
    void generated(String userId, VoiceGenerated generated);
}

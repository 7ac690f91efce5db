package ai.andy.events.payload;

/**
 * {@code voice.generated}: voice-service rendered new audio for a person (cache hits are not announced).
 * {@code engine} is {@code elevenlabs} or {@code local}; {@code format} is {@code mp3}, {@code wav} or {@code ulaw};
 * {@code purpose} is {@code speech} (the API), {@code intent} (chat's voice.speak) or {@code greeting} (calls).
 */
public record VoiceGenerated(String renderingId, String voiceId, String engine, String model, String format,
        int characters, String purpose) {
}

package ai.andy.events.intent.voice;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Result of {@code voice.speak}: where to fetch the audio (a signed URL that expires at {@code expiresAt}), its
 * format (e.g. audio/wav, audio/mpeg), the voice and the engine that spoke it (local or elevenlabs).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Speech(String audioUrl, String format, String voiceId, String engine, int characters,
        Instant expiresAt) {
}

package ai.andy.voice.service;

import java.time.OffsetDateTime;

/** One of a person's cloned voices. Use {@code id} as {@code voiceId} when asking for speech. */
public record VoiceView(String id, String name, String provider, String consentId, OffsetDateTime createdAt) {
}

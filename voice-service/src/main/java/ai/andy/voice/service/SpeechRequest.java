package ai.andy.voice.service;

import ai.andy.voice.provider.AudioFormat;

/**
 * What to say. {@code voiceId}: one of the person's clones (its id), or an engine voice (an espeak-ng voice locally,
 * an ElevenLabs premade voice id); null for the engine's default. {@code format}: null for the engine's client format.
 * {@code purpose}: {@code speech}, {@code intent} or {@code greeting}, for voice.generated.
 */
public record SpeechRequest(String userId, String text, String voiceId, AudioFormat format, String purpose) {
}

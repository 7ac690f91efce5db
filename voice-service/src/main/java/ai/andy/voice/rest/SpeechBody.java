package ai.andy.voice.rest;

/**
 * {@code POST /api/voice/speech}. {@code format}: mp3, wav or ulaw (8 kHz mu-law WAV, for calls); default: the
 * engine's client format. {@code delivery}: {@code audio} (default, the audio itself) or {@code url} (a signed URL
 * that works without a token for a few minutes).
 */
public record SpeechBody(String text, String voiceId, String format, String delivery) {
}

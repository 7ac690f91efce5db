package ai.andy.voice.rest;

import java.time.Instant;

/** A signed, expiring URL of rendered audio. */
public record SpeechLink(String url, String format, String mediaType, Instant expiresAt, int characters, boolean cached) {
}

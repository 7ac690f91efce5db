package ai.andy.events.intent.voice;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.InvalidIntentException;

/** {@code voice.speak}: a text rendered as speech. */
public record VoiceSpeak(
        @JsonProperty(required = true) @JsonPropertyDescription("what to say") String text,
        @JsonPropertyDescription("a voice id, when the person chose one") String voiceId) {

    public VoiceSpeak {
        if (text == null || text.isBlank()) {
            throw InvalidIntentException.missing("text", "what to say");
        }
    }
}

package ai.andy.events.intent.voice;

import java.util.List;

import ai.andy.events.intent.IntentSpec;

/** voice-service's intents, answered on {@code voice.fetched}. */
public final class VoiceIntents {
    public static final List<IntentSpec<?, ?>> ALL = List.of(
            IntentSpec.read("voice.speak", VoiceSpeak.class, Speech.class,
                    "Say a text aloud in the person's voice (or a chosen voice)."));

    private VoiceIntents() {
    }
}

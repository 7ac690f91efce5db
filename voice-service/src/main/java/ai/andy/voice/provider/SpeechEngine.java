package ai.andy.voice.provider;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.Set;

/** Turns text into audio: ElevenLabs when the operator configured a key, otherwise the machine's local engine. */
public interface SpeechEngine {
    /** {@code elevenlabs} or {@code local}; part of every cache key. */
    String name();

    /** Why this engine cannot speak right now, in words an operator can act on; empty when it can. */
    Optional<String> problem();

    Set<AudioFormat> formats();

    /** The format for the client when a request names none. */
    AudioFormat clientFormat();

    String defaultVoice();

    /** The model used for a format (part of the cache key). */
    String model(AudioFormat format);

    /**
     * True when renderings of consecutive pieces of a text can be concatenated (MP3 frames), so the service may
     * render sentence by sentence and send the first audio before the rest exists.
     */
    boolean streams(AudioFormat format);

    /** Renders {@code text} in {@code voice}, writing the audio to {@code out} as it arrives. */
    void render(String text, String voice, AudioFormat format, OutputStream out) throws IOException;
}

package ai.andy.voice.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** voice-service's own settings ({@code andy.voice.*}). */
@ConfigMapping(prefix = "andy.voice")
public interface VoiceConfig {
    /** Characters a person may have rendered per UTC day, cached renderings not counted (ANDY_VOICE_DAILY_CHARACTERS). */
    @WithDefault("20000")
    int dailyCharacters();

    /** Longest text one speech request may carry. */
    @WithDefault("2500")
    int maxTextLength();

    /** Rendering cache. */
    Cache cache();

    /** Signed audio URLs. */
    Urls urls();

    /** The local speech engine. */
    Local local();

    /** Voice samples for a clone. */
    Samples samples();

    /** What a caller hears in a person's cloned voice; {name} is the name from their consent statement. */
    @WithDefault("Hello, you have reached {name}. I cannot take your call right now. Please leave a message after the tone.")
    String greeting();

    interface Cache {
        /** Total bytes of audio kept for all people; the least recently used renderings go first beyond it. */
        @WithDefault("268435456")
        long maxBytes();

        /** How long a rendering is kept after it was last used. */
        @WithDefault("P7D")
        Duration ttl();
    }

    interface Urls {
        /**
         * HMAC key for audio URLs, shared by every instance (ANDY_VOICE_URL_KEY, at least 32 characters). Without it
         * each instance makes its own at start, and a URL only works on the instance that signed it.
         */
        Optional<String> signingKey();

        /** How long a signed URL stays valid. */
        @WithDefault("PT10M")
        Duration lifetime();

        /** Public base URL audio is fetched from (the gateway's, which Twilio and the browser reach; ANDY_PUBLIC_URL). */
        @WithDefault("http://localhost:8080")
        String publicBaseUrl();
    }

    interface Local {
        /** The espeak-ng executable. */
        @WithDefault("espeak-ng")
        String espeak();

        /** The sox executable (conversion to 8 kHz mu-law, sample checks). */
        @WithDefault("sox")
        String sox();

        /** espeak-ng voice when the request names none. */
        @WithDefault("en-us")
        String defaultVoice();

        /** Longest a local rendering or sox run may take. */
        @WithDefault("PT20S")
        Duration timeout();
    }

    interface Samples {
        /** Least total speech (silence removed) across a clone's samples; ElevenLabs asks for about a minute. */
        @WithDefault("PT60S")
        Duration minSpeech();

        /** Lowest sample rate accepted. */
        @WithDefault("16000")
        int minSampleRate();

        /** Largest single sample file. */
        @WithDefault("20971520")
        int maxBytes();
    }
}

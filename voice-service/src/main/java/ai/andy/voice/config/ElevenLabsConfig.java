package ai.andy.voice.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** ElevenLabs, the real speech provider ({@code andy.elevenlabs.*}). The REST client's URL is {@code quarkus.rest-client.elevenlabs.url}. */
@ConfigMapping(prefix = "andy.elevenlabs")
public interface ElevenLabsConfig {
    /** The operator's API key (ANDY_ELEVENLABS_API_KEY); without it speech comes from the local engine. */
    Optional<String> apiKey();

    /** Voice used when a person has no clone and names none (a premade ElevenLabs voice). */
    @WithDefault("JBFqnCBsd6RMkjVDRZzb")
    String defaultVoice();

    /** Model for speech played in the client. */
    @WithDefault("eleven_multilingual_v2")
    String clientModel();

    /** Model for calls, where latency matters more. */
    @WithDefault("eleven_flash_v2_5")
    String callModel();

    /** output_format for the client. */
    @WithDefault("mp3_44100_128")
    String clientFormat();

    /** ElevenLabs' optimize_streaming_latency (0-4); unset leaves ElevenLabs' default. */
    Optional<Integer> optimizeStreamingLatency();

    /** Price of 1,000 characters for usage.recorded; unset reports no cost. */
    Optional<BigDecimal> costPerThousandCharacters();

    /** Longest wait for one ElevenLabs call. */
    @WithDefault("PT30S")
    Duration timeout();
}

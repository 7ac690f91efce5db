package ai.andy.voice.provider.local;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.voice.config.VoiceConfig;

/**
 * Whether espeak-ng and sox are on this machine. Checked once and remembered: installing them needs a restart, which
 * the message says.
 */
@ApplicationScoped
public class LocalTools {
    static final String INSTALL = "Install espeak-ng and sox (Debian/Ubuntu: apt-get install -y espeak-ng sox) and "
            + "restart voice-service, or configure ElevenLabs (ANDY_ELEVENLABS_API_KEY).";

    private final VoiceConfig.Local config;
    private volatile Optional<String> problem;

    LocalTools(VoiceConfig config) {
        this.config = config.local();
    }

    /** What is missing, in words an operator can act on; empty when both tools answer. */
    public Optional<String> problem() {
        Optional<String> known = problem;
        if (known == null) {
            boolean espeak = Processes.present(List.of(config.espeak(), "--version"));
            boolean sox = Processes.present(List.of(config.sox(), "--version"));
            known = espeak && sox ? Optional.empty()
                    : Optional.of("No local speech engine: " + (espeak ? "" : config.espeak() + (sox ? "" : " and "))
                            + (sox ? "" : config.sox()) + " not found. " + INSTALL);
            problem = known;
        }
        return known;
    }

    public boolean soxPresent() {
        return Processes.present(List.of(config.sox(), "--version"));
    }
}

package ai.andy.voice.provider.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.voice.config.VoiceConfig;
import ai.andy.voice.provider.AudioFormat;
import ai.andy.voice.provider.ProviderException;
import ai.andy.voice.provider.SpeechEngine;

/**
 * The local speech engine: espeak-ng writes 16-bit PCM WAV, sox turns it into 8 kHz mu-law WAV for calls. Files,
 * not pipes, so each WAV header carries its real length. The text goes through stdin, never the command line.
 */
@ApplicationScoped
public class EspeakEngine implements SpeechEngine {
    private static final Pattern VOICE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8})*(\\+[a-z0-9]{1,12})?");

    private final VoiceConfig.Local config;
    private final LocalTools tools;

    EspeakEngine(VoiceConfig config, LocalTools tools) {
        this.config = config.local();
        this.tools = tools;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Optional<String> problem() {
        return tools.problem();
    }

    @Override
    public Set<AudioFormat> formats() {
        return Set.of(AudioFormat.wav, AudioFormat.ulaw);
    }

    @Override
    public AudioFormat clientFormat() {
        return AudioFormat.wav;
    }

    @Override
    public String defaultVoice() {
        return config.defaultVoice();
    }

    @Override
    public String model(AudioFormat format) {
        return "espeak-ng";
    }

    @Override
    public boolean streams(AudioFormat format) {
        return false;
    }

    @Override
    public void render(String text, String voice, AudioFormat format, OutputStream out) throws IOException {
        if (!VOICE.matcher(voice).matches()) {
            throw new ProviderException(ProviderException.Kind.REJECTED, "'" + voice + "' is not an espeak-ng voice "
                    + "name (e.g. en-us, en-gb, de, fr).", null);
        }
        Path dir = Files.createTempDirectory("andy-voice");
        try {
            Path speech = dir.resolve("speech.wav");
            List<String> espeak = List.of(config.espeak(), "-v", voice, "-w", speech.toString(), "--stdin");
            Processes.Result spoken = Processes.run(espeak, text.getBytes(StandardCharsets.UTF_8), config.timeout());
            if (spoken.exitCode() != 0) {
                if (spoken.stderr().contains("voice does not exist")) {
                    throw new ProviderException(ProviderException.Kind.REJECTED, "espeak-ng has no voice '" + voice
                            + "' (try en-us, en-gb, de, fr).", null);
                }
                throw new IOException("espeak-ng failed with exit code " + spoken.exitCode());
            }
            Path result = speech;
            if (format == AudioFormat.ulaw) {
                result = dir.resolve("call.wav");
                List<String> sox = new ArrayList<>(List.of(config.sox(), speech.toString(), "-r", "8000", "-c", "1",
                        "-e", "u-law", result.toString()));
                Processes.Result converted = Processes.run(sox, null, config.timeout());
                if (converted.exitCode() != 0) {
                    throw new IOException("sox failed with exit code " + converted.exitCode());
                }
            }
            Files.copy(result, out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}

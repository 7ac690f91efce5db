package ai.andy.voice.provider.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.voice.config.VoiceConfig;
import ai.andy.voice.provider.AudioInspector;

/** Reads format, rate, length, levels and speech time of a file with sox ({@code --i}, {@code stats}, {@code silence}). */
@ApplicationScoped
public class SoxInspector implements AudioInspector {
    private static final Pattern STAT = Pattern.compile("^(Pk lev dB|RMS lev dB|Pk count|Length s)\\s+(\\S+)",
            Pattern.MULTILINE);

    private final VoiceConfig.Local config;
    private final LocalTools tools;

    SoxInspector(VoiceConfig config, LocalTools tools) {
        this.config = config.local();
        this.tools = tools;
    }

    @Override
    public Report inspect(Path file) {
        if (!tools.soxPresent()) {
            throw new IllegalStateException("sox is not installed here, so samples cannot be checked. "
                    + LocalTools.INSTALL);
        }
        try {
            String type = info(file, "-t");
            int rate = (int) Double.parseDouble(info(file, "-r"));
            Processes.Result stats = Processes.run(List.of(config.sox(), file.toString(), "-n", "stats"), null,
                    config.timeout());
            if (stats.exitCode() != 0) {
                throw unreadable();
            }
            double peakDb = Double.NaN;
            double rmsDb = Double.NaN;
            double seconds = 0;
            long peakCount = 0;
            Matcher m = STAT.matcher(stats.stderr());
            while (m.find()) {
                switch (m.group(1)) {
                    case "Pk lev dB" -> peakDb = number(m.group(2));
                    case "RMS lev dB" -> rmsDb = number(m.group(2));
                    case "Pk count" -> peakCount = (long) number(m.group(2));
                    default -> seconds = number(m.group(2));
                }
            }
            return new Report(type, rate, seconds, speechSeconds(file), peakDb, peakCount, rmsDb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double speechSeconds(Path file) throws IOException {
        Path speech = Files.createTempFile("andy-speech", ".wav");
        try {
            // Trim leading silence, then cut every pause longer than 0.3 s below 1% of full scale.
            Processes.Result trimmed = Processes.run(List.of(config.sox(), file.toString(), speech.toString(),
                    "silence", "1", "0.1", "1%", "-1", "0.3", "1%"), null, config.timeout());
            if (trimmed.exitCode() != 0) {
                throw unreadable();
            }
            String length = info(speech, "-D");
            return length.isBlank() ? 0 : Double.parseDouble(length);
        } finally {
            Files.deleteIfExists(speech);
        }
    }

    private String info(Path file, String what) throws IOException {
        Processes.Result result = Processes.run(List.of(config.sox(), "--i", what, file.toString()), null,
                config.timeout());
        if (result.exitCode() != 0) {
            throw unreadable();
        }
        return result.stdout().trim();
    }

    /** sox prints large counts with a suffix (89.8k) and the level of silence as -inf. */
    private static double number(String value) {
        double scale = value.endsWith("k") ? 1e3 : value.endsWith("M") ? 1e6 : 1;
        try {
            return Double.parseDouble(scale == 1 ? value : value.substring(0, value.length() - 1)) * scale;
        } catch (NumberFormatException e) {
            return value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.NaN; // sox prints -inf for silence
        }
    }

    private static IllegalArgumentException unreadable() {
        return new IllegalArgumentException("This file is not audio Andy can read: send WAV, FLAC or OGG.");
    }
}

package ai.andy.voice.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.voice.config.VoiceConfig;
import ai.andy.voice.provider.AudioInspector;

/** Refuses audio a clone (or a consent) cannot be made from, saying what to fix. */
@ApplicationScoped
public class SampleCheck {
    /** Quieter than this on average is silence (or a muted microphone). */
    static final double SILENT_RMS_DB = -45;
    /** Peaks at full scale on more than this many samples is clipping. */
    static final long CLIPPED_PEAKS = 50;

    private final AudioInspector inspector;
    private final VoiceConfig.Samples config;

    SampleCheck(AudioInspector inspector, VoiceConfig config) {
        this.inspector = inspector;
        this.config = config.samples();
    }

    /** Checks one file; {@code field} names it in the problem (e.g. {@code samples[2]}). */
    public AudioInspector.Report check(String field, String fileName, Path file, long size) {
        if (size > config.maxBytes()) {
            throw refuse(field, fileName + " is larger than " + config.maxBytes() / 1_048_576 + " MB; send shorter "
                    + "recordings.");
        }
        AudioInspector.Report report;
        try {
            report = inspector.inspect(file);
        } catch (IllegalArgumentException e) {
            throw refuse(field, fileName + ": " + e.getMessage());
        }
        if (report.sampleRate() < config.minSampleRate()) {
            throw refuse(field, fileName + " is sampled at " + report.sampleRate() + " Hz; record at "
                    + config.minSampleRate() + " Hz or more (44.1 kHz is best).");
        }
        if (report.rmsDb() < SILENT_RMS_DB || report.speechSeconds() < 1) {
            throw refuse(field, fileName + " is silent or almost silent; check the microphone and speak closer.");
        }
        if (report.peakDb() > -0.1 && report.peakCount() > CLIPPED_PEAKS) {
            throw refuse(field, fileName + " is clipped (too loud: " + report.peakCount() + " samples at full scale); "
                    + "lower the input level and record again.");
        }
        return report;
    }

    /** The whole set must hold enough speech once pauses are removed. */
    public void enoughSpeech(List<AudioInspector.Report> reports) {
        double speech = reports.stream().mapToDouble(AudioInspector.Report::speechSeconds).sum();
        double needed = config.minSpeech().toMillis() / 1000.0;
        if (speech < needed) {
            throw refuse("samples", String.format(Locale.ROOT, "The samples hold %.0f s of speech once pauses are "
                    + "removed; a clone needs at least %.0f s. Record more of your voice.", speech, needed));
        }
    }

    static ProblemException refuse(String field, String message) {
        return new ProblemException(422, "Unusable recording", message, List.of(new Problem.FieldError(field,
                message)));
    }
}

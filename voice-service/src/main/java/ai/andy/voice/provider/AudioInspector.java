package ai.andy.voice.provider;

import java.nio.file.Path;

/** Measures an audio file before Andy keeps it or sends it to a provider. */
public interface AudioInspector {
    /**
     * @param type          container as the tool named it (wav, flac, ogg, ...)
     * @param sampleRate    samples per second
     * @param seconds       total length
     * @param speechSeconds length once silences longer than 0.3 s are removed
     * @param peakDb        loudest sample in dBFS (0 = full scale)
     * @param peakCount     how many samples sit at that peak
     * @param rmsDb         average level in dBFS
     */
    record Report(String type, int sampleRate, double seconds, double speechSeconds, double peakDb, long peakCount,
            double rmsDb) {
    }

    /** Throws {@link IllegalArgumentException} with a message for the person when the file is not audio it can read. */
    Report inspect(Path file);
}

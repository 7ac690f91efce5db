package ai.andy.voice.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real audio files for tests, made with espeak-ng and sox (the same tools the service uses). */
public final class Recordings {
    private static final String SPEECH = "The quick brown fox jumps over the lazy dog while the morning sun rises "
            + "over the quiet hills. ";

    /** About {@code seconds} of synthetic speech at 22.05 kHz. */
    public static Path speech(int seconds) {
        StringBuilder text = new StringBuilder();
        while (text.length() < seconds * 16) {
            text.append(SPEECH);
        }
        return make("speech" + seconds, List.of("espeak-ng", "-v", "en-us", "-w", "%s", text.toString()));
    }

    public static Path silence() {
        return make("silence", List.of("sox", "-n", "-r", "44100", "-c", "1", "-b", "16", "%s", "trim", "0", "5"));
    }

    /** A sine amplified 10 dB past full scale, so its peaks are cut flat at the limit. */
    public static Path clipped() {
        return make("clipped", List.of("sox", "-n", "-r", "44100", "-c", "1", "-b", "16", "%s", "synth", "5",
                "sine", "440", "gain", "10"));
    }

    public static Path lowRate() {
        return make("lowrate", List.of("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", "%s", "synth", "5", "sine",
                "300", "vol", "0.5"));
    }

    private static Path make(String name, List<String> command) {
        try {
            Path file = Files.createTempFile("andy-test-" + name, ".wav");
            List<String> args = command.stream().map(a -> a.equals("%s") ? file.toString() : a).toList();
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("could not make " + name + " with " + args.get(0));
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Recordings() {
    }
}

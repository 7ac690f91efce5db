package ai.andy.voice.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.events.payload.VoiceGenerated;
import ai.andy.runtime.crypto.Vault;
import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.voice.config.VoiceConfig;
import ai.andy.voice.provider.AudioFormat;
import ai.andy.voice.provider.SpeechEngine;
import ai.andy.voice.repository.RenderingRepository;
import ai.andy.voice.repository.RenderingRepository.Rendering;
import io.quarkus.logging.Log;

/**
 * Speech for a person: checks the request, serves a cached rendering when the same voice, model, format and text were
 * rendered for them before, otherwise charges their daily budget, renders, seals and caches the audio and announces
 * it. Streaming renders the first sentence before answering, so a refused key or quota is still a proper error.
 */
@ApplicationScoped
public class SpeechService {
    /** Finished audio: {@code id} is the cached rendering's, for a signed URL. */
    public record Audio(UUID id, AudioFormat format, String voiceId, String engine, int characters, boolean cached,
            byte[] bytes) {
    }

    /** Audio that is written as it is rendered. */
    public interface Stream {
        AudioFormat format();

        void writeTo(OutputStream out) throws IOException;
    }

    private final SpeechEngines engines;
    private final Voices voices;
    private final RenderingRepository renderings;
    private final SpeechBudget budget;
    private final Vault vault;
    private final VoiceEvents events;
    private final VoiceConfig config;

    SpeechService(SpeechEngines engines, Voices voices, RenderingRepository renderings, SpeechBudget budget, Vault vault,
            VoiceEvents events, VoiceConfig config) {
        this.engines = engines;
        this.voices = voices;
        this.renderings = renderings;
        this.budget = budget;
        this.vault = vault;
        this.events = events;
        this.config = config;
    }

    public Audio speak(SpeechRequest request) {
        Plan plan = plan(request);
        Optional<Audio> cached = cached(plan);
        if (cached.isPresent()) {
            return cached.get();
        }
        budget.charge(request.userId(), plan.characters());
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        try {
            plan.engine().render(plan.text(), plan.voice(), plan.format(), audio);
        } catch (IOException | RuntimeException e) {
            budget.refund(request.userId(), plan.characters());
            throw failure(e);
        }
        return store(plan, request, audio.toByteArray());
    }

    public Stream stream(SpeechRequest request) {
        Plan plan = plan(request);
        if (!plan.engine().streams(plan.format())) {
            Audio audio = speak(request);
            return written(audio.format(), audio.bytes());
        }
        Optional<Audio> cached = cached(plan);
        if (cached.isPresent()) {
            return written(plan.format(), cached.get().bytes());
        }
        budget.charge(request.userId(), plan.characters());
        List<String> pieces = Sentences.split(plan.text());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            plan.engine().render(pieces.get(0), plan.voice(), plan.format(), all);
        } catch (IOException | RuntimeException e) {
            budget.refund(request.userId(), plan.characters());
            throw failure(e);
        }
        return new Stream() {
            @Override
            public AudioFormat format() {
                return plan.format();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(all.toByteArray());
                out.flush();
                OutputStream both = new Tee(out, all);
                for (String piece : pieces.subList(1, pieces.size())) {
                    plan.engine().render(piece, plan.voice(), plan.format(), both);
                }
                store(plan, request, all.toByteArray());
            }
        };
    }

    /** A cached rendering's audio, opened, with its media type; empty when it expired or was deleted. */
    public Optional<Audio> fetch(UUID id) {
        return renderings.findById(id).map(r -> new Audio(r.id(), AudioFormat.valueOf(r.format()), r.voiceId(), null,
                r.characters(), true, vault.open(r.audio(), ad(r.contentKey()))));
    }

    private record Plan(SpeechEngine engine, String text, String voice, AudioFormat format, String contentKey) {
        int characters() {
            return text.length();
        }
    }

    private Plan plan(SpeechRequest request) {
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty() || text.length() > config.maxTextLength()) {
            throw ProblemException.badRequest("Give the text to speak, at most " + config.maxTextLength()
                    + " characters.", List.of(new Problem.FieldError("text", text.isEmpty() ? "is required"
                            : "is longer than " + config.maxTextLength() + " characters")));
        }
        SpeechEngine engine = engines.ready();
        AudioFormat format = request.format() == null ? engine.clientFormat() : request.format();
        if (!engine.formats().contains(format)) {
            throw ProblemException.badRequest("This Andy speaks with " + (engine.name().equals("local")
                    ? "its local engine, which makes wav (and ulaw for calls); mp3 needs ElevenLabs."
                    : "ElevenLabs, which makes mp3 (and ulaw for calls)."),
                    List.of(new Problem.FieldError("format", "must be one of " + engine.formats())));
        }
        String voice = voices.resolve(request.userId(), request.voiceId(), engine);
        String key = contentKey(request.userId(), engine.name(), voice, engine.model(format), format, text);
        return new Plan(engine, text, voice, format, key);
    }

    private Optional<Audio> cached(Plan plan) {
        return renderings.findByKey(plan.contentKey()).map(r -> new Audio(r.id(), plan.format(), plan.voice(),
                plan.engine().name(), r.characters(), true, vault.open(r.audio(), ad(r.contentKey()))));
    }

    private Audio store(Plan plan, SpeechRequest request, byte[] audio) {
        UUID id = renderings.save(new Rendering(UUID.randomUUID(), plan.contentKey(), request.userId(), plan.voice(),
                plan.format().name(), plan.format().mediaType(), vault.seal(audio, ad(plan.contentKey())).ciphertext(),
                plan.characters()));
        int evicted = renderings.evict(config.cache().maxBytes(), config.cache().ttl());
        if (evicted > 0) {
            Log.debugf("evicted %d cached renderings", evicted);
        }
        events.generated(request.userId(), new VoiceGenerated(id.toString(), plan.voice(), plan.engine().name(),
                plan.engine().model(plan.format()), plan.format().name(), plan.characters(), request.purpose()));
        return new Audio(id, plan.format(), plan.voice(), plan.engine().name(), plan.characters(), false, audio);
    }

    private static Stream written(AudioFormat format, byte[] bytes) {
        return new Stream() {
            @Override
            public AudioFormat format() {
                return format;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }
        };
    }

    private static RuntimeException failure(Exception e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        return new UncheckedIOException("speech rendering failed", (IOException) e);
    }

    private static String ad(String contentKey) {
        return "speech_rendering:" + contentKey;
    }

    /** Content address: the person, engine, voice, model, format and text; the text itself is not kept. */
    static String contentKey(String userId, String engine, String voice, String model, AudioFormat format, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] { userId, engine, voice, model, format.name(), text }) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes to the response and to the copy that is cached. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}

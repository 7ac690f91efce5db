package ai.andy.voice.provider.elevenlabs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import ai.andy.voice.config.ElevenLabsConfig;
import ai.andy.voice.provider.AudioFormat;
import ai.andy.voice.provider.SpeechEngine;
import ai.andy.voice.provider.VoiceLibrary;
import io.vertx.core.buffer.Buffer;

/**
 * ElevenLabs with the operator's key: streaming speech (MP3 for the client, {@code ulaw_8000} for calls, which is
 * raw mu-law and gets a WAV header here so Twilio and browsers can play it) and instant voice cloning.
 */
@ApplicationScoped
public class ElevenLabsEngine implements SpeechEngine, VoiceLibrary {
    private static final javax.sound.sampled.AudioFormat ULAW_8K = new javax.sound.sampled.AudioFormat(
            javax.sound.sampled.AudioFormat.Encoding.ULAW, 8000f, 8, 1, 1, 8000f, false);

    private final ElevenLabsClient client;
    private final ElevenLabsConfig config;

    ElevenLabsEngine(ElevenLabsClient client, ElevenLabsConfig config) {
        this.client = client;
        this.config = config;
    }

    public boolean configured() {
        return config.apiKey().filter(k -> !k.isBlank()).isPresent();
    }

    @Override
    public String name() {
        return "elevenlabs";
    }

    @Override
    public Optional<String> problem() {
        return configured() ? Optional.empty() : Optional.of("ElevenLabs is not configured (ANDY_ELEVENLABS_API_KEY).");
    }

    @Override
    public Set<AudioFormat> formats() {
        return Set.of(AudioFormat.mp3, AudioFormat.ulaw);
    }

    @Override
    public AudioFormat clientFormat() {
        return AudioFormat.mp3;
    }

    @Override
    public String defaultVoice() {
        return config.defaultVoice();
    }

    @Override
    public String model(AudioFormat format) {
        return format == AudioFormat.ulaw ? config.callModel() : config.clientModel();
    }

    @Override
    public boolean streams(AudioFormat format) {
        return format == AudioFormat.mp3;
    }

    @Override
    public void render(String text, String voice, AudioFormat format, OutputStream out) throws IOException {
        String outputFormat = format == AudioFormat.ulaw ? "ulaw_8000" : config.clientFormat();
        try (InputStream audio = client.stream(key(), voice, outputFormat, config.optimizeStreamingLatency().orElse(null),
                new ElevenLabsApi.SpeechBody(text, model(format), null, null))) {
            if (format != AudioFormat.ulaw) {
                audio.transferTo(out);
                out.flush();
                return;
            }
            byte[] raw = audio.readAllBytes();
            try (AudioInputStream samples = new AudioInputStream(new ByteArrayInputStream(raw), ULAW_8K, raw.length)) {
                AudioSystem.write(samples, AudioFileFormat.Type.WAVE, out);
            }
        }
    }

    @Override
    public String add(String name, String description, List<Sample> samples) {
        ClientMultipartForm form = ClientMultipartForm.create()
                .attribute("name", name, null)
                .attribute("description", description, null)
                .attribute("remove_background_noise", "false", null);
        for (Sample sample : samples) {
            form.binaryFileUpload("files", sample.fileName(), Buffer.buffer(sample.audio()), sample.mediaType());
        }
        return client.add(key(), form).voiceId();
    }

    @Override
    public void rename(String voiceId, String name) {
        client.edit(key(), voiceId, ClientMultipartForm.create().attribute("name", name, null));
    }

    @Override
    public void delete(String voiceId) {
        try {
            client.delete(key(), voiceId);
        } catch (ai.andy.voice.provider.ProviderException e) {
            if (e.kind() != ai.andy.voice.provider.ProviderException.Kind.NOT_FOUND) {
                throw e;
            }
        }
    }

    @Override
    public List<ProviderVoice> list() {
        var voices = client.voices(key()).voices();
        return voices == null ? List.of()
                : voices.stream().map(v -> new ProviderVoice(v.voiceId(), v.name(), v.category())).toList();
    }

    private String key() {
        return config.apiKey().orElseThrow(() -> new IllegalStateException("ElevenLabs is not configured"));
    }

}

package ai.andy.voice.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.runtime.crypto.Vault;
import ai.andy.voice.config.VoiceConfig;
import ai.andy.voice.provider.AudioFormat;
import ai.andy.voice.repository.ConsentRepository;

/** The greeting callers hear in the person's own cloned voice, as call audio (8 kHz mu-law WAV) behind a signed URL. */
@ApplicationScoped
public class GreetingService {
    public record Greeting(String url, String format, String mediaType, java.time.Instant expiresAt) {
    }

    private final VoiceLibraryService library;
    private final ConsentRepository consents;
    private final SpeechService speech;
    private final SignedUrls urls;
    private final Vault vault;
    private final VoiceConfig config;

    GreetingService(VoiceLibraryService library, ConsentRepository consents, SpeechService speech, SignedUrls urls,
            Vault vault, VoiceConfig config) {
        this.library = library;
        this.consents = consents;
        this.speech = speech;
        this.urls = urls;
        this.vault = vault;
        this.config = config;
    }

    /** Empty when the person has no clone (callers then hear telephony-service's own greeting). */
    public Optional<Greeting> greeting(String userId) {
        return library.newest(userId).map(clone -> {
            String name = consents.find(userId, clone.consentId())
                    .map(c -> vault.openString(c.speakerName(), ConsentService.ad(c.id(), "name"))).orElse("me");
            SpeechService.Audio audio = speech.speak(new SpeechRequest(userId, config.greeting().replace("{name}", name),
                    clone.id().toString(), AudioFormat.ulaw, "greeting"));
            SignedUrls.Signed signed = urls.sign(audio.id());
            return new Greeting(signed.url(), audio.format().name(), audio.format().mediaType(), signed.expiresAt());
        });
    }
}

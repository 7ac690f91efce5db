package ai.andy.voice.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.events.Events;
import ai.andy.runtime.crypto.Vault;
import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.voice.provider.AudioInspector;
import ai.andy.voice.provider.VoiceLibrary;
import ai.andy.voice.repository.CloneRepository;
import ai.andy.voice.repository.CloneRepository.Clone;
import ai.andy.voice.repository.ConsentRepository;
import ai.andy.voice.repository.ConsentRepository.Consent;
import ai.andy.voice.repository.RenderingRepository;

/** A person's cloned voices: made only with their recorded consent, renamed, deleted with every cached rendering. */
@ApplicationScoped
public class VoiceLibraryService {
    /** A sample as uploaded: the file on disk (the upload's temporary file). */
    public record Upload(String fileName, String mediaType, java.nio.file.Path file, long size) {
    }

    private final SpeechEngines engines;
    private final CloneRepository clones;
    private final ConsentRepository consents;
    private final RenderingRepository renderings;
    private final SampleCheck check;
    private final CloneDeleter deleter;
    private final Vault vault;

    VoiceLibraryService(SpeechEngines engines, CloneRepository clones, ConsentRepository consents,
            RenderingRepository renderings, SampleCheck check, CloneDeleter deleter, Vault vault) {
        this.engines = engines;
        this.clones = clones;
        this.consents = consents;
        this.renderings = renderings;
        this.check = check;
        this.deleter = deleter;
        this.vault = vault;
    }

    public VoiceView clone(String userId, UUID consentId, String name, List<Upload> uploads) {
        VoiceLibrary library = engines.cloning();
        Consent consent = usable(userId, consentId);
        String voiceName = name == null || name.isBlank() ? "My voice" : name.strip();
        if (voiceName.length() > 100) {
            throw ProblemException.badRequest("A voice name has at most 100 characters.",
                    List.of(new Problem.FieldError("name", "is longer than 100 characters")));
        }
        if (uploads == null || uploads.isEmpty() || uploads.size() > 25) {
            throw ProblemException.badRequest("Upload 1 to 25 recordings of your voice as 'samples'.",
                    List.of(new Problem.FieldError("samples", "is required")));
        }
        List<AudioInspector.Report> reports = new ArrayList<>();
        List<VoiceLibrary.Sample> samples = new ArrayList<>();
        List<java.util.Map<String, Object>> kept = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            AudioInspector.Report report = check.check("samples[" + i + "]", upload.fileName(), upload.file(),
                    upload.size());
            reports.add(report);
            byte[] audio = read(upload);
            samples.add(new VoiceLibrary.Sample(upload.fileName(), upload.mediaType(), audio));
            kept.add(java.util.Map.of("file", upload.fileName(), "sha256", sha256(audio), "seconds",
                    round(report.seconds()), "speechSeconds", round(report.speechSeconds()), "sampleRate",
                    report.sampleRate()));
        }
        check.enoughSpeech(reports);
        String providerVoiceId = library.add(voiceName, "Cloned with recorded consent " + consentId, samples);
        UUID id = UUID.randomUUID();
        clones.insert(new Clone(id, userId, consent.id(), "elevenlabs", providerVoiceId,
                vault.seal(voiceName, ad(id)).ciphertext(), OffsetDateTime.now(ZoneOffset.UTC)));
        consents.samples(userId, consentId, Events.toJson(kept));
        return view(clones.find(userId, id).orElseThrow());
    }

    public List<VoiceView> list(String userId) {
        return clones.list(userId).stream().map(this::view).toList();
    }

    public VoiceView rename(String userId, UUID id, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ProblemException.badRequest("Give the voice a name of 1 to 100 characters.",
                    List.of(new Problem.FieldError("name", "is required")));
        }
        Clone clone = find(userId, id);
        engines.cloning().rename(clone.providerVoiceId(), name.strip());
        clones.rename(userId, id, vault.seal(name.strip(), ad(id)).ciphertext());
        return view(find(userId, id));
    }

    public void delete(String userId, UUID id) {
        deleteClone(userId, find(userId, id));
    }

    /** At the provider first: if that fails, nothing here is forgotten and the person can try again. */
    void deleteClone(String userId, Clone clone) {
        deleter.deleteAtProvider(clone);
        renderings.deleteVoice(userId, clone.providerVoiceId());
        clones.delete(userId, clone.id());
    }

    /** The person's newest clone, if any. */
    public java.util.Optional<Clone> newest(String userId) {
        List<Clone> theirs = clones.list(userId);
        return theirs.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(theirs.get(theirs.size() - 1));
    }

    private Consent usable(String userId, UUID id) {
        Consent consent = consents.find(userId, id).orElseThrow(() -> ProblemException.notFound("You have no consent "
                + id + ". Make one (POST /api/voice/consents), record it, then clone."));
        if (consent.revokedAt() != null) {
            throw ProblemException.conflict("This consent was revoked; make and record a new one.");
        }
        if (!consent.hasRecording()) {
            throw ProblemException.conflict("Record yourself reading the consent statement and upload it "
                    + "(POST /api/voice/consents/" + id + "/recording) before cloning your voice.");
        }
        if (clones.findByConsent(userId, id).isPresent()) {
            throw ProblemException.conflict("A voice was already made with this consent.");
        }
        return consent;
    }

    private Clone find(String userId, UUID id) {
        return clones.find(userId, id).orElseThrow(() -> ProblemException.notFound("You have no voice " + id + "."));
    }

    private VoiceView view(Clone c) {
        return new VoiceView(c.id().toString(), vault.openString(c.name(), ad(c.id())), c.provider(),
                c.consentId().toString(), c.createdAt());
    }

    private static byte[] read(Upload upload) {
        try {
            return Files.readAllBytes(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] audio) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(audio));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double seconds) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2f", seconds));
    }

    static String ad(UUID cloneId) {
        return "voice_clone:" + cloneId + ":name";
    }
}

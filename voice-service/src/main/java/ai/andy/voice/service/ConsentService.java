package ai.andy.voice.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.runtime.crypto.Vault;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.voice.client.People;
import ai.andy.voice.provider.AudioInspector;
import ai.andy.voice.repository.CloneRepository;
import ai.andy.voice.repository.ConsentRepository;
import ai.andy.voice.repository.ConsentRepository.Consent;

/**
 * Consent to clone a voice: a statement generated for the person (their name, the date, the purpose), which they
 * record and upload. A clone is only made from a recorded, unrevoked consent of the same person; revoking it deletes
 * the clone at the provider and every cached rendering in that voice.
 */
@ApplicationScoped
public class ConsentService {
    static final String PURPOSE = "to greet people who call me and to read messages aloud for me";
    static final double MIN_RECORDING_SECONDS = 3;

    private final ConsentRepository consents;
    private final CloneRepository clones;
    private final People people;
    private final SampleCheck samples;
    private final Vault vault;
    private final VoiceLibraryService library;

    ConsentService(ConsentRepository consents, CloneRepository clones, People people, SampleCheck samples, Vault vault,
            VoiceLibraryService library) {
        this.consents = consents;
        this.clones = clones;
        this.people = people;
        this.samples = samples;
        this.vault = vault;
        this.library = library;
    }

    /** A new statement for the person to read; {@code name} only when auth-service knows none. */
    public ConsentView create(String userId, String givenName, String session) {
        String name = people.displayName(userId).orElse(givenName == null ? "" : givenName.strip());
        if (name.isEmpty() || name.length() > 100) {
            throw ProblemException.badRequest("Andy does not know your name yet: send {\"name\": \"...\"} (at most "
                    + "100 characters) or set your display name in your profile.",
                    List.of(new ai.andy.runtime.problem.Problem.FieldError("name", "is required")));
        }
        String date = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        String statement = "I, " + name + ", on " + date + ", agree that Andy may make a synthetic copy of my own voice "
                + "with ElevenLabs from recordings I give it, " + PURPOSE + ". I can revoke this consent at any time, "
                + "and the copy will then be deleted.";
        UUID id = UUID.randomUUID();
        consents.insert(userId, id, vault.seal(statement, ad(id, "statement")).ciphertext(),
                vault.seal(name, ad(id, "name")).ciphertext(), PURPOSE, session);
        return view(consents.find(userId, id).orElseThrow());
    }

    public List<ConsentView> list(String userId) {
        return consents.list(userId).stream().map(this::view).toList();
    }

    public ConsentView get(String userId, UUID id) {
        return view(find(userId, id));
    }

    /** Keeps the person's recording of the statement, after checking it is audible speech. */
    public ConsentView record(String userId, UUID id, Path file, String fileName, String mediaType, long size,
            String session) {
        Consent consent = find(userId, id);
        if (consent.revokedAt() != null) {
            throw ProblemException.conflict("This consent was revoked; make a new one.");
        }
        AudioInspector.Report report = samples.check("recording", fileName == null ? "the recording" : fileName, file,
                size);
        if (report.speechSeconds() < MIN_RECORDING_SECONDS) {
            throw SampleCheck.refuse("recording", "The recording holds less than " + (int) MIN_RECORDING_SECONDS
                    + " s of speech; read the whole statement aloud.");
        }
        byte[] audio;
        try {
            audio = Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        consents.record(userId, id, vault.seal(audio, ad(id, "recording")).ciphertext(),
                mediaType == null ? "application/octet-stream" : mediaType, report.seconds(), session);
        return get(userId, id);
    }

    /** Revokes: the clone made with it goes at the provider and here, with its cached audio; the recording is dropped. */
    public ConsentView revoke(String userId, UUID id) {
        find(userId, id);
        clones.findByConsent(userId, id).ifPresent(clone -> library.deleteClone(userId, clone));
        consents.revoke(userId, id);
        return get(userId, id);
    }

    private Consent find(String userId, UUID id) {
        return consents.find(userId, id).orElseThrow(() -> ProblemException.notFound("You have no consent " + id
                + "."));
    }

    private ConsentView view(Consent c) {
        String voiceId = clones.findByConsent(c.userId(), c.id()).map(v -> v.id().toString()).orElse(null);
        return new ConsentView(c.id().toString(), vault.openString(c.statement(), ad(c.id(), "statement")), c.purpose(),
                c.createdAt(), c.createdSession(), c.recordedAt(), c.recordedSession(), c.recordingSeconds(),
                c.samples(), c.revokedAt(), voiceId);
    }

    static String ad(UUID consentId, String field) {
        return "voice_consent:" + consentId + ":" + field;
    }
}

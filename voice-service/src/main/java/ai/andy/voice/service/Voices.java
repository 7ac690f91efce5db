package ai.andy.voice.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.runtime.problem.ProblemException;
import ai.andy.voice.provider.SpeechEngine;
import ai.andy.voice.repository.CloneRepository;

/** Which voice a request speaks in. A clone is named by its Andy id and only its owner may use it. */
@ApplicationScoped
public class Voices {
    private final CloneRepository clones;

    Voices(CloneRepository clones) {
        this.clones = clones;
    }

    /** The engine's voice id to render with. */
    public String resolve(String userId, String voiceId, SpeechEngine engine) {
        if (voiceId == null || voiceId.isBlank()) {
            return engine.defaultVoice();
        }
        String id = voiceId.strip();
        UUID cloneId = uuid(id);
        if (cloneId != null) {
            var clone = clones.find(userId, cloneId).orElseThrow(() -> ProblemException.notFound(
                    "You have no voice " + id + "."));
            if (!clone.provider().equals(engine.name())) {
                throw new ProblemException(409, "Voice unavailable", "This voice is a " + clone.provider()
                        + " clone, and Andy speaks with its " + engine.name() + " engine now.");
            }
            return clone.providerVoiceId();
        }
        if (id.length() > 64 || clones.ownedByAnother(userId, id)) {
            throw ProblemException.notFound("There is no voice " + (id.length() > 64 ? "with that id" : id) + ".");
        }
        return id; // an engine voice, or their own clone named by the provider's id
    }

    private static UUID uuid(String id) {
        try {
            return id.length() == 36 ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

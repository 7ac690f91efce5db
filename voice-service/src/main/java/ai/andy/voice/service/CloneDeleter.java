package ai.andy.voice.service;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.voice.provider.elevenlabs.ElevenLabsEngine;
import ai.andy.voice.repository.CloneRepository.Clone;

/**
 * Deletes a clone where it lives. Without the ElevenLabs key the clone cannot be deleted there, and the person must
 * not be told it was: that is an error for the operator, not a silent success.
 */
@ApplicationScoped
public class CloneDeleter {
    private final ElevenLabsEngine elevenLabs;

    CloneDeleter(ElevenLabsEngine elevenLabs) {
        this.elevenLabs = elevenLabs;
    }

    public void deleteAtProvider(Clone clone) {
        if (!"elevenlabs".equals(clone.provider())) {
            return;
        }
        if (!elevenLabs.configured()) {
            throw new ai.andy.runtime.problem.ProblemException(503, "Cannot delete the clone now",
                    "This voice lives at ElevenLabs, and Andy has no ElevenLabs key at the moment to delete it. "
                            + "The operator must set ANDY_ELEVENLABS_API_KEY again; nothing was deleted.");
        }
        elevenLabs.delete(clone.providerVoiceId());
    }
}

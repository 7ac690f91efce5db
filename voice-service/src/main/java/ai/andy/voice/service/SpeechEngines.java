package ai.andy.voice.service;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.runtime.problem.ProblemException;
import ai.andy.voice.provider.SpeechEngine;
import ai.andy.voice.provider.VoiceLibrary;
import ai.andy.voice.provider.elevenlabs.ElevenLabsEngine;
import ai.andy.voice.provider.local.EspeakEngine;

/** ElevenLabs when the operator configured a key; otherwise the local engine, when this machine has one. */
@ApplicationScoped
public class SpeechEngines {
    private final ElevenLabsEngine elevenLabs;
    private final EspeakEngine local;

    SpeechEngines(ElevenLabsEngine elevenLabs, EspeakEngine local) {
        this.elevenLabs = elevenLabs;
        this.local = local;
    }

    public SpeechEngine current() {
        return elevenLabs.configured() ? elevenLabs : local;
    }

    /** The current engine, or a 503 saying what to install or configure. */
    public SpeechEngine ready() {
        SpeechEngine engine = current();
        engine.problem().ifPresent(problem -> {
            throw new ProblemException(503, "Speech unavailable", problem);
        });
        return engine;
    }

    /** The voice library for cloning, or a 409 saying that local speech cannot clone. */
    public VoiceLibrary cloning() {
        if (!elevenLabs.configured()) {
            throw new ProblemException(409, "Voice cloning unavailable", "Andy speaks with its local engine here, "
                    + "which cannot clone voices. Cloning needs ElevenLabs: the operator sets ANDY_ELEVENLABS_API_KEY.");
        }
        return elevenLabs;
    }
}

package ai.andy.voice.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import ai.andy.voice.provider.SpeechEngine;
import ai.andy.voice.service.SpeechEngines;

/**
 * Which engine speaks, and what is missing when none can. Stays UP without an engine: consents, voices and cached
 * audio still work, and speech requests answer 503 with the same sentence.
 */
@Readiness
@ApplicationScoped
public class SpeechEngineHealth implements HealthCheck {
    private final SpeechEngines engines;

    SpeechEngineHealth(SpeechEngines engines) {
        this.engines = engines;
    }

    @Override
    public HealthCheckResponse call() {
        SpeechEngine engine = engines.current();
        var response = HealthCheckResponse.named("speech-engine").up().withData("engine", engine.name());
        engine.problem().ifPresentOrElse(problem -> response.withData("speech", "unavailable")
                .withData("problem", problem), () -> response.withData("speech", "available"));
        return response.build();
    }
}

package ai.andy.chat.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import ai.andy.chat.service.IntentBus;

/** Not ready to take turns until the services' answers can be heard: one sent earlier would be missed. */
@Readiness
@ApplicationScoped
public class IntentResultsReadiness implements HealthCheck {
    private final IntentBus bus;

    IntentResultsReadiness(IntentBus bus) {
        this.bus = bus;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("intent results").status(bus.listening()).build();
    }
}

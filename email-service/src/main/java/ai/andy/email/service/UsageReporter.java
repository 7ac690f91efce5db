package ai.andy.email.service;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.email.provider.UsageMeter;
import ai.andy.events.payload.UsageRecorded;
import io.quarkus.scheduler.Scheduled;

/** Publishes what {@link UsageMeter} counted as {@code usage.recorded}, summed over a few seconds. */
@ApplicationScoped
class UsageReporter {
    private final UsageMeter meter;
    private final MailEvents events;

    UsageReporter(UsageMeter meter, MailEvents events) {
        this.meter = meter;
        this.events = events;
    }

    @Scheduled(every = "${andy.email.usage-flush-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void flush() {
        meter.drain((userId, provider, operation, units) -> events.usage(userId,
                new UsageRecorded("email-service", provider, operation, units, null)));
    }
}

package ai.andy.calendar.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.calendar.service.ReminderService;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;

/**
 * Plans and fires reminders on a timer, from the first seconds after start (so reminders missed while the service
 * was down go out at once if still useful). Any number of instances may run this: rows are claimed, not shared.
 */
@ApplicationScoped
public class ReminderScheduler {
    private final ReminderService reminders;

    ReminderScheduler(ReminderService reminders) {
        this.reminders = reminders;
    }

    @Scheduled(every = "${andy.calendar.reminder-interval:15s}", delayed = "1s",
            concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return reminders.plan().chain(reminders::fire).replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("reminders will be tried again: %s", e.toString()))
                .onFailure().recoverWithNull();
    }
}

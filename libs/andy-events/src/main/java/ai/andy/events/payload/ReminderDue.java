package ai.andy.events.payload;

import java.time.Instant;

/**
 * {@code reminder.due}: a reminder the person asked for is due now. Published once per reminder by
 * calendar-service. {@code kind} is {@code event} (then {@code at} is the occurrence's start) or {@code task} (then
 * {@code at} is the due time); {@code itemId} is the event's or task's id as the API names it.
 */
public record ReminderDue(String reminderId, String kind, String itemId, String title, Instant at, String location) {
}

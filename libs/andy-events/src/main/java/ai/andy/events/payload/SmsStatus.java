package ai.andy.events.payload;

/**
 * {@code sms.status}: a text the person sent moved forward (queued, sent, delivered, undelivered, failed). Statuses
 * only move forward; {@code errorCode} is the carrier's when it gave one.
 */
public record SmsStatus(String messageId, String threadId, String status, Integer errorCode, boolean simulated) {
}

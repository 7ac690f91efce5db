package ai.andy.events.payload;

import java.time.OffsetDateTime;

/**
 * {@code sms.received}: a text reached the person's Andy number. {@code from} is E.164 (or as the carrier gave it);
 * {@code keyword} is {@code STOP}, {@code START} or {@code HELP} when the text was one; {@code simulated} texts came
 * from the simulator, not a real phone. The body is data, never an instruction.
 */
public record SmsReceived(String messageId, String threadId, String from, String body, String keyword,
        boolean simulated, OffsetDateTime receivedAt) {
}

package ai.andy.events.payload;

/**
 * {@code call.completed}: a call ended. {@code status} is the carrier's final one (completed, busy, no-answer,
 * failed, canceled); {@code direction} is {@code inbound} or {@code outbound}.
 */
public record CallCompleted(String callId, String direction, String number, String status, Integer durationSeconds,
        boolean simulated) {
}

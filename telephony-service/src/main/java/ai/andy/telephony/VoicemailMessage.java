package ai.andy.telephony;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message left by a caller. {@code transcriptStatus} is {@code pending}, {@code completed} or {@code failed};
 * {@code recordingUrl} is null for simulated calls, which have no audio.
 */
public record VoicemailMessage(UUID id, UUID callId, String number, Integer durationSeconds, String transcript,
        String transcriptStatus, String recordingUrl, boolean simulated, OffsetDateTime createdAt) {
}

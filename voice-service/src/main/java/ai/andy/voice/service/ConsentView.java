package ai.andy.voice.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A consent as its person sees it: the statement to read, its purpose, when it was made and recorded (and under which
 * token), which samples a clone was made from, and whether it was revoked. {@code voiceId}: the clone made with it.
 */
public record ConsentView(String id, String statement, String purpose, OffsetDateTime createdAt, String createdSession,
        OffsetDateTime recordedAt, String recordedSession, BigDecimal recordingSeconds, String samples,
        OffsetDateTime revokedAt, String voiceId) {
}

package ai.andy.telephony;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A call as the person sees it, with the message the caller left, if any. */
public record PhoneCall(UUID id, String direction, String number, String purpose, String status,
        Integer durationSeconds, String carrier, boolean simulated, VoicemailMessage voicemail,
        OffsetDateTime createdAt) {
}

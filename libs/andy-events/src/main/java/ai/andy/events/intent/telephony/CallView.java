package ai.andy.events.intent.telephony;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A call as an intent's result carries it, with its voicemail's transcript when the caller left one.
 * {@code status}: e.g. ringing, in-progress, completed, no-answer, busy, failed, missed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallView(String id, String direction, String counterpartName, String counterpartNumber, String status,
        Instant startedAt, Integer durationSeconds, String voicemailTranscript, boolean simulated) {
}

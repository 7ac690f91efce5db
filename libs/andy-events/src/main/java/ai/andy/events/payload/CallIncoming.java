package ai.andy.events.payload;

import java.time.OffsetDateTime;

/** {@code call.incoming}: someone is calling the person's Andy number; Andy is answering. */
public record CallIncoming(String callId, String from, boolean simulated, OffsetDateTime at) {
}

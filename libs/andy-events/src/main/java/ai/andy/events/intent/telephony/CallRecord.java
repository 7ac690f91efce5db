package ai.andy.events.intent.telephony;

/** Result of {@code call.place}: the call as placed. */
public record CallRecord(CallView call) {
}

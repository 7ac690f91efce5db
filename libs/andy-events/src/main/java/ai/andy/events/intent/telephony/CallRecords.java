package ai.andy.events.intent.telephony;

import java.util.List;

/** Result of {@code call.list}. */
public record CallRecords(List<CallView> calls, int count, Boolean more) {
}

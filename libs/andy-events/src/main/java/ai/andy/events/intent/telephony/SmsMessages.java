package ai.andy.events.intent.telephony;

import java.util.List;

/** Result of {@code sms.list}. */
public record SmsMessages(List<SmsView> messages, int count, Boolean more) {
}

package ai.andy.events.intent.telephony;

/** Result of {@code sms.send}: the text as sent (or queued). */
public record SmsMessage(SmsView message) {
}

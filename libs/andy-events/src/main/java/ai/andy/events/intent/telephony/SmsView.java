package ai.andy.events.intent.telephony;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A text as an intent's result carries it. {@code direction}: inbound or outbound; {@code status}: queued, sent,
 * delivered, undelivered, failed or received; {@code simulated}: it went through the simulated carrier, nowhere real.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmsView(String id, String direction, String counterpartName, String counterpartNumber, String body,
        String status, Instant at, boolean simulated) {
}

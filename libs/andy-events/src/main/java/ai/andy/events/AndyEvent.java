package ai.andy.events;

import java.time.OffsetDateTime;

/**
 * One event as a consumer sees it: the CloudEvents attributes Andy uses, and the decoded payload.
 *
 * @param id      unique per event; consumers remember it to apply an event once
 * @param type    {@code andy.<topic>}
 * @param source  {@code /<service>} that published it
 * @param subject the user id the event belongs to (also the Kafka record key)
 * @param time    when the producer created it
 * @param data    the payload
 */
public record AndyEvent<T>(String id, String type, String source, String subject, OffsetDateTime time, T data) {
    public String userId() {
        return subject;
    }
}

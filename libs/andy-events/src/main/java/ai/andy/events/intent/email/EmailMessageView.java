package ai.andy.events.intent.email;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An email as an intent's result carries it: metadata, plus the body when one email was read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmailMessageView(String id, String accountId, String provider, String threadId, Address from,
        List<Address> to, List<Address> cc, String subject, String snippet, Instant receivedAt, boolean unread,
        List<String> labels, boolean hasAttachments, String deliveryNote, boolean demo, Body body) {

    public record Address(String name, String address) {
    }

    /** Plain text, and HTML with scripts, event handlers and remote images removed. */
    public record Body(String text, String html) {
    }
}

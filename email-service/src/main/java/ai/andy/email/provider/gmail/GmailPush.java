package ai.andy.email.provider.gmail;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Gmail push notifications: what {@code users.watch} answers and what Pub/Sub then posts to Andy. */
public final class GmailPush {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An active watch: Gmail pushes changes after {@code historyId} until {@code expiration} (renew before). */
    public record Watch(String historyId, Instant expiration) {
    }

    /** One push: the mailbox that changed and its history id at that moment (a cursor to sync up to). */
    public record Notification(String emailAddress, String historyId) {

        @Override
        public String toString() {
            return "Notification[historyId=" + historyId + "]";
        }
    }

    /**
     * Parses a Pub/Sub push body, {@code {"message":{"data":"<base64 JSON>","messageId":...},"subscription":...}},
     * whose data is {@code {"emailAddress":...,"historyId":...}}.
     *
     * @throws IllegalArgumentException for anything else; the message never quotes the body
     */
    public static Notification parse(String pushBody) {
        if (pushBody == null || pushBody.isBlank()) {
            throw new IllegalArgumentException("empty Pub/Sub push body");
        }
        try {
            JsonNode data = JSON.readTree(pushBody).path("message").path("data");
            if (!data.isTextual()) {
                throw new IllegalArgumentException("Pub/Sub push without message.data");
            }
            // Pub/Sub sends standard base64; accept the URL-safe alphabet too rather than lose a notification.
            String encoded = data.asText().trim().replace('-', '+').replace('_', '/');
            JsonNode payload = JSON.readTree(Base64.getDecoder().decode(encoded));
            JsonNode address = payload.path("emailAddress");
            JsonNode historyId = payload.path("historyId");
            if (!address.isTextual() || address.asText().isBlank()) {
                throw new IllegalArgumentException("Gmail notification without emailAddress");
            }
            String history = historyId.isIntegralNumber() || historyId.isTextual() ? historyId.asText() : "";
            if (!history.matches("[0-9]{1,20}")) {
                throw new IllegalArgumentException("Gmail notification without a numeric historyId");
            }
            return new Notification(address.asText(), history);
        } catch (IOException notJson) {
            // JacksonException is an IOException; its message can quote the body.
            throw new IllegalArgumentException("Pub/Sub push body or its data is not JSON");
        }
    }

    private GmailPush() {
    }
}

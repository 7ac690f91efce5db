package ai.andy.email.provider.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the bodies Graph POSTs to a subscription's notificationUrl or lifecycleNotificationUrl. Anyone can POST to
 * those URLs, so every entry must carry the clientState Andy chose for its subscription; entries that do not are
 * dropped (and counted), compared in constant time so the secret cannot be guessed byte by byte.
 * <p>
 * The subscription handshake (Graph calling the URL with {@code ?validationToken=...} and expecting it echoed as
 * {@code text/plain} within 10 s) is the HTTP endpoint's job and carries no body to parse.
 */
public final class GraphNotifications {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphNotifications() {
    }

    /**
     * One accepted entry: a change ({@code changeType} created/updated/deleted, {@code messageId} from resourceData)
     * or a lifecycle event ({@code missed}, {@code reauthorizationRequired}, {@code subscriptionRemoved}).
     */
    public record Notification(String subscriptionId, String changeType, String lifecycleEvent, String messageId) {
        public boolean isLifecycle() {
            return lifecycleEvent != null;
        }
    }

    /** What a body held: the entries to act on, and how many were refused for an unknown subscription or clientState. */
    public record Parsed(List<Notification> accepted, int rejected) {
    }

    /**
     * @param expectedClientState the clientState Andy stored for a subscription id, or null for an unknown one
     * @throws IllegalArgumentException when the body is not a Graph notification collection
     */
    public static Parsed parse(String body, Function<String, String> expectedClientState) {
        JsonNode values;
        try {
            values = JSON.readTree(body == null ? "" : body).path("value");
        } catch (JsonProcessingException notJson) {
            throw new IllegalArgumentException("notification body is not JSON");
        }
        if (!values.isArray()) {
            throw new IllegalArgumentException("notification body has no value array");
        }
        List<Notification> accepted = new ArrayList<>();
        int rejected = 0;
        for (JsonNode entry : values) {
            String subscriptionId = text(entry, "subscriptionId");
            String expected = subscriptionId == null ? null : expectedClientState.apply(subscriptionId);
            if (!sameSecret(expected, text(entry, "clientState"))) {
                rejected++;
                continue;
            }
            accepted.add(new Notification(subscriptionId, text(entry, "changeType"), text(entry, "lifecycleEvent"),
                    text(entry.path("resourceData"), "id")));
        }
        return new Parsed(List.copyOf(accepted), rejected);
    }

    private static boolean sameSecret(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        // MessageDigest.isEqual does not stop at the first differing byte.
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

package ai.andy.events.payload;

import java.util.Map;

/** {@code notify.user}: something the person should see now; the gateway delivers it to their open WebSockets. */
public record NotifyUser(String kind, String title, String text, Map<String, Object> data) {
}

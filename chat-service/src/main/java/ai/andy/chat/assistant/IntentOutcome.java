package ai.andy.chat.assistant;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.andy.chat.PendingActionView;

/**
 * What became of an intent: {@code ok}, {@code rejected} or {@code failed} as the owning service answered,
 * {@code timeout} when it did not answer in time, or {@code pending} when it waits for the person's confirmation.
 * {@code service} names who was asked (e.g. "email-service"), so a message can say who did not answer.
 */
public record IntentOutcome(String intent, String status, Map<String, Object> result, String error, String service,
        PendingActionView pending) {

    /** The outcome as a tool result for a language model: data, never instructions. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("intent", intent);
        map.put("status", status);
        if (result != null) {
            map.put("result", result);
        }
        if (error != null) {
            map.put("error", error);
        }
        if (pending != null) {
            map.put("pendingAction", Map.of("id", pending.id().toString(), "summary", pending.summary(),
                    "note", "Nothing has been done yet: the person must confirm this action in the app."));
        }
        return map;
    }
}

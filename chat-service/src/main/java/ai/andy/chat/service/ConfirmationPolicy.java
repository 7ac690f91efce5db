package ai.andy.chat.service;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import ai.andy.chat.intent.Intent;

/**
 * Which intents the person must confirm (the starred rows of ARCHITECTURE.md's table): anything that sends, invites,
 * texts, calls, changes or cancels on their behalf. A meeting with nobody invited only touches their own calendar.
 */
public final class ConfirmationPolicy {
    private static final Set<String> ALWAYS = Set.of("email.send", "email.reply", "calendar.update", "calendar.cancel",
            "sms.send", "call.place");

    public static boolean needsConfirmation(Intent intent) {
        if (ALWAYS.contains(intent.name())) {
            return true;
        }
        if ("calendar.create".equals(intent.name())) {
            Object attendees = intent.params().get("attendees");
            return attendees instanceof Collection<?> list ? !list.isEmpty() : attendees instanceof Map<?, ?>
                    || (attendees instanceof String s && !s.isBlank());
        }
        return false;
    }

    /** Whether an intent of this name can be one the person confirmed (then its answer concerns an action). */
    public static boolean mayNeedConfirmation(String intentName) {
        return ALWAYS.contains(intentName) || "calendar.create".equals(intentName);
    }

    private ConfirmationPolicy() {
    }
}

package ai.andy.chat.service;

import ai.andy.events.intent.IntentSpec;
import ai.andy.events.intent.IntentSpec.Confirmation;
import ai.andy.events.intent.Intents;

/**
 * Which intents the person must confirm, as the registry in {@code libs/andy-events} says: anything that sends,
 * invites, texts, calls, changes or cancels on their behalf. A meeting with nobody invited only touches their own
 * calendar.
 */
public final class ConfirmationPolicy {

    /** Whether these decoded params of {@code spec} wait for the person's confirmation. */
    public static boolean needsConfirmation(IntentSpec<?, ?> spec, Object decodedParams) {
        return spec.needsConfirmation(decodedParams);
    }

    /** Whether an intent of this name can be one the person confirmed (then its answer concerns an action). */
    public static boolean mayNeedConfirmation(String intentName) {
        return Intents.find(intentName).map(spec -> spec.confirmation() != Confirmation.NEVER).orElse(false);
    }

    private ConfirmationPolicy() {
    }
}

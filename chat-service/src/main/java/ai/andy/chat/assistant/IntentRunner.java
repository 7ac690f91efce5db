package ai.andy.chat.assistant;

import ai.andy.chat.intent.Intent;

/**
 * Carries out one intent for the turn's person. Read-only intents go to the owning service over {@code chat.intent}
 * and the call waits (at most the configured timeout) for its answer. Side-effecting intents are never sent: they
 * become a pending action, and the outcome says so. Blocks the calling thread.
 */
public interface IntentRunner {

    IntentOutcome run(Intent intent);
}

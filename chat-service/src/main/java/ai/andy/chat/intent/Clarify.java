package ai.andy.chat.intent;

/**
 * Thrown by a grammar that understood the command but is missing one thing it must not guess (who, when, what to
 * say); the engine answers with the question instead of intents.
 */
final class Clarify extends RuntimeException {

    Clarify(String question) {
        super(question, null, false, false);
    }
}

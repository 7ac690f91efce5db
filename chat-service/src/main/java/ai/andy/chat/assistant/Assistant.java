package ai.andy.chat.assistant;

/**
 * Whatever answers a chat turn: the language model when one is configured, otherwise the offline intent engine. It
 * streams its answer into the {@link TurnSink} and acts only through the {@link IntentRunner}, which holds every
 * side-effecting intent for the person's confirmation. Runs on a worker thread and may block.
 */
public interface Assistant {

    void respond(Turn turn, IntentRunner intents, TurnSink sink);
}

package ai.andy.chat.assistant;

import ai.andy.chat.PendingActionView;

/**
 * Where a turn's events go while it runs: the person's {@code text/event-stream} and their {@code /ws} connections.
 * The orchestrator adds the final {@code done} event and stores what was said.
 */
public interface TurnSink {

    /** A piece of the answer, in order; the stored answer is their concatenation. */
    void token(String text);

    /** What Andy is doing, for the person to see ("Looking at your inbox"). */
    void progress(String text);

    /** A side-effecting intent now waits for the person's confirmation. */
    void pendingAction(PendingActionView action);

    /** Something went wrong that the person should know; the turn still ends normally. */
    void error(String message);
}

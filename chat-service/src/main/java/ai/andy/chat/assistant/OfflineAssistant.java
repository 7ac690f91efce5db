package ai.andy.chat.assistant;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.chat.intent.Intent;
import ai.andy.chat.intent.Interpretation;
import ai.andy.chat.intent.OfflineIntentEngine;

/**
 * The embedded default: the offline intent engine reads the command, the gate runs what it found, and the answer is
 * written from the services' results. Deterministic, instant, and needs no account anywhere. The answer streams in
 * small pieces like a model's, so clients treat both the same.
 */
@ApplicationScoped
public class OfflineAssistant implements Assistant {
    private static final Pattern PIECE = Pattern.compile("\\S+\\s*|\\s+");

    private final OfflineIntentEngine engine = new OfflineIntentEngine();

    public OfflineIntentEngine engine() {
        return engine;
    }

    @Override
    public void respond(Turn turn, IntentRunner intents, TurnSink sink) {
        Interpretation interpretation = engine.interpret(turn.text(), turn.now(), turn.people());
        if (interpretation.clarification() != null) {
            say(sink, interpretation.clarification());
            return;
        }
        if (!interpretation.understood()) {
            say(sink, interpretation.help());
            return;
        }
        AnswerWriter writer = new AnswerWriter(turn.now());
        boolean first = true;
        for (Intent intent : interpretation.intents()) {
            sink.progress(Progress.of(intent));
            IntentOutcome outcome = intents.run(intent);
            if (!first) {
                sink.token("\n\n");
            }
            first = false;
            switch (outcome.status()) {
                case "pending" -> {
                    sink.pendingAction(outcome.pending());
                    say(sink, "Please confirm: " + outcome.pending().summary());
                }
                case "ok" -> say(sink, writer.answer(outcome, intent.params()));
                case "timeout" -> sink.error(outcome.error());
                default -> say(sink, outcome.error() == null ? "That did not work, and nothing was changed."
                        : outcome.error());
            }
        }
    }

    /** Streams a text word by word (with its spacing), as a model would token by token. */
    static void say(TurnSink sink, String text) {
        Matcher piece = PIECE.matcher(text);
        while (piece.find()) {
            sink.token(piece.group());
        }
    }
}

package ai.andy.chat.intent;

/**
 * The commands of one intent family. {@link #parse} returns null when the command is not one of its own, so the
 * engine tries the next family; it throws {@link Clarify} when the command is its own but something must be asked.
 */
interface Grammar {

    Interpretation parse(Command command, Context ctx);
}

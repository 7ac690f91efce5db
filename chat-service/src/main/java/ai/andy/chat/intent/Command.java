package ai.andy.chat.intent;

/**
 * A command ready for the grammars: the words (politeness and end punctuation dropped) and the quoted part, if the
 * person quoted a message ("text mom \"call me\""), which is kept verbatim and never parsed for dates or names.
 */
record Command(Phrase phrase, String quoted) {
}

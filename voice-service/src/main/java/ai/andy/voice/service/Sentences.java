package ai.andy.voice.service;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text at sentence boundaries for streaming: the first sentence alone, so its audio comes back soon; the rest
 * joined into pieces of up to {@link #PIECE} characters, so a long answer is not a hundred provider calls.
 */
final class Sentences {
    static final int PIECE = 400;

    static List<String> split(String text) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            String sentence = text.substring(start, end);
            if (pieces.isEmpty() && current.isEmpty()) {
                if (!sentence.isBlank()) {
                    pieces.add(sentence.strip());
                }
                continue;
            }
            if (current.length() + sentence.length() > PIECE && !current.isEmpty()) {
                pieces.add(current.toString().strip());
                current.setLength(0);
            }
            current.append(sentence);
        }
        if (!current.toString().isBlank()) {
            pieces.add(current.toString().strip());
        }
        return pieces;
    }

    private Sentences() {
    }
}

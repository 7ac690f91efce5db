package ai.andy.chat.intent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of the command in its original case plus a lower-case copy with the same character positions, so that the
 * grammars match case-insensitively but keep the person's own spelling for titles, bodies and names. Grammars cut
 * what they understood (a date, a duration) out of a phrase and read what is left.
 */
final class Phrase {

    final String text;
    final String lower;

    Phrase(String text) {
        this.text = text;
        // Char by char (not String.toLowerCase) so that positions in lower are positions in text.
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        this.lower = new String(chars);
    }

    Matcher matcher(Pattern pattern) {
        return pattern.matcher(lower);
    }

    /** This phrase with [start, end) replaced by a space. */
    Phrase cut(int start, int end) {
        return new Phrase(text.substring(0, start) + " " + text.substring(end));
    }

    Phrase cut(Matcher m) {
        return cut(m.start(), m.end());
    }

    /** The original-case text of a group of a matcher that ran on {@link #lower}. */
    String group(Matcher m, int group) {
        return m.group(group) == null ? null : text.substring(m.start(group), m.end(group)).trim();
    }

    Phrase sub(int start, int end) {
        return new Phrase(text.substring(start, end));
    }

    Phrase sub(int start) {
        return new Phrase(text.substring(start));
    }

    /** Whitespace collapsed and trimmed, with stray commas at the ends dropped. */
    Phrase tidy() {
        String t = text.replaceAll("\\s+", " ").replaceAll("\\s+,", ",").trim();
        t = t.replaceAll("^[,;:\\s]+|[,;:\\s]+$", "");
        return new Phrase(t);
    }

    boolean isBlank() {
        return text.isBlank();
    }

    @Override
    public String toString() {
        return text;
    }
}

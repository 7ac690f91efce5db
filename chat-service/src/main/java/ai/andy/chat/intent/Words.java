package ai.andy.chat.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Small text helpers shared by the grammars. */
final class Words {

    private static final Pattern ARTICLE = Pattern.compile("^(?:(?:a|an|the|my|our|some)\\s+)+", Pattern.CASE_INSENSITIVE);

    private Words() {
    }

    /** "buy milk" becomes "Buy milk": titles, subjects and trailing bodies start with a capital. */
    static String capitalize(String s) {
        if (s == null || s.isBlank()) {
            return s;
        }
        String t = s.trim();
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    /** "sarah chen" becomes "Sarah Chen"; names already capitalised stay as they are. */
    static String name(String s) {
        StringBuilder out = new StringBuilder();
        for (String part : s.trim().split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(part.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }

    static String stripArticles(String s) {
        return ARTICLE.matcher(s.trim()).replaceFirst("").trim();
    }

    /** "Bob, Sarah and mom" as a list of three. */
    static List<String> splitList(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split("\\s*(?:,|&|\\band\\b|\\bplus\\b)\\s*")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** "a or b", "a, b or c". */
    static String orList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}

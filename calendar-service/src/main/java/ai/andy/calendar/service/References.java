package ai.andy.calendar.service;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Matching an event or task as a person named it ("the dentist", "lunch with Sarah", "my 3pm"): the words that say
 * which one, without the words every event could be called.
 */
final class References {
    private static final Set<String> GENERIC = Set.of("my", "the", "a", "an", "event", "meeting", "appointment",
            "appt", "call", "task", "todo", "to-do", "with", "on", "at", "for", "one", "thing", "our", "this", "that");

    private References() {
    }

    /** The distinguishing words of a reference; empty when it names no more than "an event". */
    static List<String> words(String reference) {
        if (reference == null) {
            return List.of();
        }
        return Arrays.stream(reference.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'’-]+"))
                .map(w -> w.replaceAll("['’]s$", "")).filter(w -> !w.isBlank() && !GENERIC.contains(w)).toList();
    }

    /** Whether every word appears in the text (title, place, people). */
    static boolean matches(List<String> words, String text) {
        String haystack = text.toLowerCase(Locale.ROOT);
        return words.stream().allMatch(haystack::contains);
    }
}

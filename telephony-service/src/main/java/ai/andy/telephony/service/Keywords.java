package ai.andy.telephony.service;

import java.util.Locale;
import java.util.Set;

/** The carrier opt-out keywords (as Twilio's defaults): a text that is exactly one of them. */
final class Keywords {
    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START = Set.of("START", "YES", "UNSTOP");
    private static final Set<String> HELP = Set.of("HELP", "INFO");

    private Keywords() {
    }

    /** STOP, START, HELP or null. */
    static String of(String body) {
        String word = body == null ? "" : body.trim().replaceAll("[.!]+$", "").toUpperCase(Locale.ROOT);
        return STOP.contains(word) ? "STOP" : START.contains(word) ? "START" : HELP.contains(word) ? "HELP" : null;
    }
}

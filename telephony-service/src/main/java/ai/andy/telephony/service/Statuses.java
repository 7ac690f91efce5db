package ai.andy.telephony.service;

import java.util.Map;
import java.util.Set;

/**
 * The order of Twilio's message and call statuses. A status only replaces one of lower rank, so callbacks that
 * arrive late or twice never move a text or call backwards (queued → sent → delivered/undelivered/failed; a final
 * status is never replaced by another final one).
 */
final class Statuses {
    private static final Map<String, Integer> SMS = Map.ofEntries(Map.entry("accepted", 1), Map.entry("scheduled", 1),
            Map.entry("queued", 2), Map.entry("sending", 3), Map.entry("sent", 4), Map.entry("delivered", 5),
            Map.entry("undelivered", 5), Map.entry("failed", 5), Map.entry("canceled", 5), Map.entry("read", 6),
            Map.entry("receiving", 4), Map.entry("received", 6));
    private static final Map<String, Integer> CALL = Map.of("queued", 1, "initiated", 1, "ringing", 2,
            "in-progress", 3, "completed", 4, "busy", 4, "no-answer", 4, "failed", 4, "canceled", 4);
    static final Set<String> FINAL_CALL = Set.of("completed", "busy", "no-answer", "failed", "canceled");

    private Statuses() {
    }

    /** The rank of a text's status; 0 for one Andy does not know (which then never replaces anything). */
    static int sms(String status) {
        return status == null ? 0 : SMS.getOrDefault(status, 0);
    }

    static int call(String status) {
        return status == null ? 0 : CALL.getOrDefault(status, 0);
    }
}

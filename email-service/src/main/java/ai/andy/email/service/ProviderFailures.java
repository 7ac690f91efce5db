package ai.andy.email.service;

import ai.andy.email.ProviderException;
import ai.andy.runtime.problem.ProblemException;

/**
 * A provider's final answer in words a person can act on, and nothing about the mail itself: the same wording over
 * HTTP (problem+json) and through chat (an intent's {@code failed} answer).
 */
public final class ProviderFailures {

    /** The problem to answer with; 503 carries a {@code Retry-After}. */
    public static ProblemException problem(ProviderException e) {
        String name = label(e.provider());
        return switch (e.kind()) {
            case NOT_FOUND -> new ProblemException(404, "Not found", name + " no longer has this message.");
            case REJECTED -> new ProblemException(422, "Refused by " + name, name + " refused the request. Check the "
                    + "recipients and try again.");
            case UNAUTHORIZED -> new ProblemException(409, "Reconnection needed", "Your " + name + " account needs "
                    + "to be connected again under /api/connections before Andy can use it.");
            case UNAVAILABLE -> new ProblemException(503, name + " unavailable", name + " is not answering right now; "
                    + "nothing was changed. Try again in a minute.").header("Retry-After", "60");
        };
    }

    /** What to tell the person. */
    public static String detail(ProviderException e) {
        return problem(e).getMessage();
    }

    private static String label(String provider) {
        return switch (provider == null ? "" : provider) {
            case "gmail" -> "Gmail";
            case "outlook", "graph" -> "Outlook";
            case "local" -> "The local mailbox";
            default -> "The mail provider";
        };
    }

    private ProviderFailures() {
    }
}

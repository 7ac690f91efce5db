package ai.andy.chat.assistant.llm;

import java.time.Duration;

import ai.andy.chat.assistant.llm.Failures.Failure;

/** What the person is told when a model call gave no usable answer: plain words, no key, no message text. */
final class FailureWording {

    private FailureWording() {
    }

    static String message(Failure failure, int attempts, String modelName, String host, Duration timeout) {
        String provider = "The language model provider (" + host + ")";
        String tries = attempts == 1 ? "" : " (tried " + attempts + " times)";
        return switch (failure.kind()) {
            case RATE_LIMITED -> provider + " is rate-limiting Andy" + tries + ". Please try again in a minute.";
            case UNAVAILABLE -> failure.status() > 0
                    ? provider + " is not working right now (HTTP " + failure.status() + ")" + tries
                            + ". Please try again later."
                    : "Andy could not reach the language model provider (" + host + ")" + tries
                            + ". Please try again later.";
            case TIMEOUT -> provider + " did not answer within " + roundUp(timeout) + tries
                    + ". Please try again later.";
            case INCOMPLETE -> incomplete();
            case REFUSED -> refusal(failure, provider, modelName);
            default -> "The language model could not answer. Please try again.";
        };
    }

    static String asksToWait(String host, Duration asked) {
        return "The language model provider (" + host + ") is rate-limiting Andy and asks to wait " + roundUp(asked)
                + ". Please try again then.";
    }

    static String incomplete() {
        return "The language model's answer broke off before it was complete, so Andy stopped and did nothing "
                + "it asked for. Please try again.";
    }

    /** A stream in a form this client cannot read (e.g. two tool calls' pieces mixed together). */
    static String unreadable(String host) {
        return "The language model provider (" + host + ") sent an answer in a form Andy cannot read, so Andy "
                + "stopped and did nothing it asked for. Please try again; if it keeps happening, whoever runs Andy "
                + "should check the model server's streaming of tool calls.";
    }

    private static String refusal(Failure failure, String provider, String modelName) {
        int status = failure.status();
        if ("quota".equals(failure.detail())) {
            return provider + " refused the request: the account's quota or credit is used up (HTTP 429).";
        }
        if ("content filter".equals(failure.detail())) {
            return provider + " refused to answer this (content filter).";
        }
        if (status == 401 || status == 403) {
            return provider + " refused the request: it did not accept Andy's API key (HTTP " + status + "). "
                    + "Whoever runs Andy should check ANDY_LLM_API_KEY.";
        }
        if (status == 404) {
            return provider + " refused the request: it does not know the model \"" + modelName
                    + "\" or the address (HTTP 404). Whoever runs Andy should check ANDY_LLM_MODEL and "
                    + "ANDY_LLM_BASE_URL.";
        }
        return provider + " refused the request (HTTP " + status + ")"
                + (failure.detail() == null ? "." : ": " + failure.detail());
    }

    static String roundUp(Duration d) {
        long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return minutes + " minutes";
        }
        return ((minutes + 59) / 60) + " hours";
    }
}

package ai.andy.telephony.service;

import ai.andy.runtime.problem.ProblemException;
import ai.andy.telephony.provider.CarrierException;

/** What a carrier's refusal means for the person, as problem+json. */
final class CarrierProblems {
    private CarrierProblems() {
    }

    static ProblemException of(CarrierException e) {
        return switch (e.kind()) {
            case INVALID_NUMBER -> new ProblemException(422, "Number cannot be reached", "The carrier says this "
                    + "number cannot receive texts or calls (error " + e.code() + "). Check the number.");
            case UNSUBSCRIBED -> new ProblemException(409, "Recipient unsubscribed", "This number has replied STOP "
                    + "to your Andy number, so the carrier blocks texts to it until it replies START.");
            case RATE_LIMITED -> new ProblemException(503, "Carrier busy", "The carrier is limiting requests right "
                    + "now; nothing was sent. Try again in a minute.").header("Retry-After", "60");
            case UNAVAILABLE -> new ProblemException(502, "Carrier unavailable", "The carrier could not take the "
                    + "request; nothing was sent. Try again later.");
        };
    }
}

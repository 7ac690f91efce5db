package ai.andy.chat.client;

import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/**
 * Which failures of a call to another Andy service are worth one more try: no connection, a timeout, 429 or a 5xx.
 * A 4xx other than 429 is an answer, and asking again would get the same one.
 */
public final class Retryable implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        if (failure instanceof WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            return status == 429 || status >= 500;
        }
        return failure instanceof ProcessingException || failure instanceof TimeoutException
                || failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
    }
}

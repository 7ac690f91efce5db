package ai.andy.voice.rest;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ai.andy.runtime.problem.Problem;
import ai.andy.voice.provider.ProviderException;

/** A speech provider's refusal as problem+json that says whose move it is, with Retry-After where waiting helps. */
public class ProviderExceptionMapper {

    @ServerExceptionMapper
    public Response provider(ProviderException e, UriInfo uri) {
        return switch (e.kind()) {
            case BAD_KEY -> respond(502, "Speech provider refused the key", e.getMessage()
                    + " The operator must fix ANDY_ELEVENLABS_API_KEY.", null, uri);
            case QUOTA -> respond(429, "Speech quota used up", e.getMessage()
                    + " Speech works again when the account's quota renews or is raised.", e.retryAfter(), uri);
            case RATE_LIMITED -> respond(429, "Speech provider busy", e.getMessage() + " Try again shortly.",
                    e.retryAfter(), uri);
            case REJECTED -> respond(400, "Speech request refused", e.getMessage(), null, uri);
            case NOT_FOUND -> respond(404, "Not found", e.getMessage(), null, uri);
            case UNAVAILABLE -> respond(503, "Speech provider unavailable", e.getMessage() + " Try again later.",
                    e.retryAfter() == null ? Duration.ofSeconds(30) : e.retryAfter(), uri);
        };
    }

    @ServerExceptionMapper
    public Response breakerOpen(CircuitBreakerOpenException e, UriInfo uri) {
        return respond(503, "Speech provider unavailable", "ElevenLabs failed repeatedly; Andy pauses calls to it for "
                + "a while. Try again in a minute.", Duration.ofSeconds(30), uri);
    }

    @ServerExceptionMapper
    public Response timeout(TimeoutException e, UriInfo uri) {
        return respond(503, "Speech provider unavailable", "ElevenLabs did not answer in time. Try again later.",
                Duration.ofSeconds(30), uri);
    }

    /** Words for an intent answer or an internal caller. */
    public static String detail(ProviderException e) {
        return e.getMessage();
    }

    private static Response respond(int status, String title, String detail, Duration retryAfter, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(new Problem(
                "about:blank", title, status, detail, uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""),
                List.of()));
        if (retryAfter != null) {
            response.header("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return response.build();
    }
}

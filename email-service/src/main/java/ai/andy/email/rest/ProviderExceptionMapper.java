package ai.andy.email.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import ai.andy.email.provider.ProviderException;
import ai.andy.runtime.problem.Problem;

/** A provider's final answer, in words a person can act on (problem+json); nothing about the mail itself. */
@Provider
public class ProviderExceptionMapper implements ExceptionMapper<ProviderException> {

    /** What to tell the person, also when the failure reaches them through chat rather than HTTP. */
    public static String detail(ProviderException e) {
        return ((Problem) new ProviderExceptionMapper().toResponse(e).getEntity()).detail();
    }

    @Override
    public Response toResponse(ProviderException e) {
        String name = label(e.provider());
        Response.ResponseBuilder response = switch (e.kind()) {
            case NOT_FOUND -> problem(404, "Not found", name + " no longer has this message.");
            case REJECTED -> problem(422, "Refused by " + name, name + " refused the request. Check the recipients "
                    + "and try again.");
            case UNAUTHORIZED -> problem(409, "Reconnection needed", "Your " + name + " account needs to be connected "
                    + "again under /api/connections before Andy can use it.");
            case UNAVAILABLE -> problem(503, name + " unavailable", name + " is not answering right now; nothing was "
                    + "changed. Try again in a minute.").header("Retry-After", "60");
        };
        return response.build();
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, null, null));
    }

    private static String label(String provider) {
        return switch (provider == null ? "" : provider) {
            case "gmail" -> "Gmail";
            case "outlook", "graph" -> "Outlook";
            case "local" -> "The local mailbox";
            default -> "The mail provider";
        };
    }
}

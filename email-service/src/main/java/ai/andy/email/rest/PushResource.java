package ai.andy.email.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.andy.email.service.PushService;
import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;

/**
 * Where providers tell Andy that a mailbox changed. No person's token here: Gmail's Pub/Sub push proves itself with
 * the secret token Andy put in the subscription URL, Graph with each subscription's clientState (and the validation
 * handshake when a subscription is created). Anything else is refused. The gateway routes these without a token.
 */
@Path("/api/email/push")
@PermitAll
public class PushResource {
    private final PushService push;

    PushResource(PushService push) {
        this.push = push;
    }

    /** Pub/Sub push: 204 acknowledges (any 2xx does); the sync itself runs in the background. */
    @POST
    @Path("/gmail")
    @Consumes(MediaType.WILDCARD)
    public Response gmail(@QueryParam("token") String token, String body) {
        if (!push.gmailPushEnabled()) {
            throw ProblemException.notFound("Gmail push is not configured on this server.");
        }
        if (!push.gmailTokenMatches(token)) {
            throw new ProblemException(403, "Not a Gmail push", "The push token is missing or wrong.");
        }
        try {
            push.gmailChanged(body);
        } catch (IllegalArgumentException malformed) {
            throw ProblemException.badRequest("This is not a Pub/Sub push message from Gmail.", java.util.List.of());
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/graph")
    @Consumes(MediaType.WILDCARD)
    @Produces({ MediaType.TEXT_PLAIN, Problem.MEDIA_TYPE })
    public Response graph(@QueryParam("validationToken") String validationToken, String body) {
        return graphNotification(validationToken, body);
    }

    @POST
    @Path("/graph/lifecycle")
    @Consumes(MediaType.WILDCARD)
    @Produces({ MediaType.TEXT_PLAIN, Problem.MEDIA_TYPE })
    public Response graphLifecycle(@QueryParam("validationToken") String validationToken, String body) {
        return graphNotification(validationToken, body);
    }

    private Response graphNotification(String validationToken, String body) {
        if (validationToken != null) {
            // Graph's handshake: echo the token as plain text within 10 seconds, or the subscription is not created.
            return Response.ok(validationToken, MediaType.TEXT_PLAIN).build();
        }
        PushService.GraphOutcome parsed;
        try {
            parsed = push.graphChanged(body);
        } catch (IllegalArgumentException malformed) {
            throw ProblemException.badRequest("This is not a Microsoft Graph change notification.",
                    java.util.List.of());
        }
        if (parsed.accepted() == 0 && parsed.rejected() > 0) {
            throw new ProblemException(403, "Unknown subscription",
                    "No notification matched a subscription and clientState Andy holds.");
        }
        return Response.accepted().build();
    }
}

package ai.andy.telephony.rest;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.andy.runtime.problem.ProblemException;
import ai.andy.runtime.security.CurrentUser;
import ai.andy.telephony.Paged;
import ai.andy.telephony.TextMessage;
import ai.andy.telephony.service.SmsService;

/** The signed-in person's texts: conversations (threads), their messages, and sending. */
@Path("/api/telephony/sms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SmsResource {
    private final SmsService sms;
    private final CurrentUser user;

    SmsResource(SmsService sms, CurrentUser user) {
        this.sms = sms;
        this.user = user;
    }

    @POST
    public Response send(SendTextRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (request == null) {
            throw ProblemException.badRequest("Send {\"to\": \"+14155550123\", \"body\": \"...\"}.", java.util.List.of());
        }
        SmsService.Sent sent = sms.send(user.id(), request.to(), request.body(), idempotencyKey);
        return Response.status(sent.replayed() ? 200 : 201).entity(sent.message()).build();
    }

    @GET
    @Path("/threads")
    public Paged<TextMessage> threads(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return sms.threads(user.id(), cursor, limit);
    }

    @GET
    @Path("/threads/{threadId}")
    public Paged<TextMessage> thread(@PathParam("threadId") String threadId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return sms.thread(user.id(), threadId, cursor, limit);
    }

    @GET
    @Path("/{id}")
    public TextMessage get(@PathParam("id") UUID id) {
        return sms.get(user.id(), id);
    }
}

package ai.andy.telephony.rest;

import java.util.List;
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
import ai.andy.telephony.PhoneCall;
import ai.andy.telephony.VoicemailMessage;
import ai.andy.telephony.service.CallService;

/** The signed-in person's calls and voicemails, and calls Andy places for them. */
@Path("/api/telephony")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallsResource {
    private final CallService calls;
    private final CurrentUser user;

    CallsResource(CallService calls, CurrentUser user) {
        this.calls = calls;
        this.user = user;
    }

    @GET
    @Path("/calls")
    public Paged<PhoneCall> history(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return calls.history(user.id(), cursor, limit);
    }

    @GET
    @Path("/calls/{id}")
    public PhoneCall get(@PathParam("id") UUID id) {
        return calls.get(user.id(), id);
    }

    @POST
    @Path("/calls")
    public Response place(PlaceCallRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (request == null) {
            throw ProblemException.badRequest("Send {\"to\": \"+14155550123\", \"purpose\": \"...\"}.", List.of());
        }
        CallService.Placed placed = calls.place(user.id(), request.to(), request.purpose(), idempotencyKey);
        return Response.status(placed.replayed() ? 200 : 201).entity(placed.call()).build();
    }

    @GET
    @Path("/voicemails")
    public Paged<VoicemailMessage> voicemails(@QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return calls.voicemails(user.id(), cursor, limit);
    }

    @GET
    @Path("/voicemails/{id}")
    public VoicemailMessage voicemail(@PathParam("id") UUID id) {
        return calls.voicemail(user.id(), id);
    }
}

package ai.andy.email.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.andy.email.api.MessagePage;
import ai.andy.email.api.MessageView;
import ai.andy.email.api.ReplyRequest;
import ai.andy.email.api.SendRequest;
import ai.andy.email.api.UpdateRequest;
import ai.andy.email.service.Instants;
import ai.andy.email.service.MailService;
import ai.andy.email.service.MailService.ListParams;
import ai.andy.email.service.MailService.SendResult;
import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.runtime.security.CurrentUser;

/**
 * The signed-in person's mail across all their mailboxes. Methods block (provider calls), so Quarkus runs them on
 * worker threads. Ids are Andy's own; another person's id is not found.
 */
@Path("/api/email/messages")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {
    private final MailService mail;
    private final CurrentUser me;

    MessagesResource(MailService mail, CurrentUser me) {
        this.mail = mail;
        this.me = me;
    }

    /**
     * Metadata, newest first, paged with {@code cursor}. {@code since}/{@code until} take an instant
     * ({@code 2026-11-28T09:00:00Z}, or with an offset) or a date (midnight UTC); {@code q} also searches the
     * providers.
     */
    @GET
    public MessagePage list(@QueryParam("unread") String unread, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("from") String from, @QueryParam("q") String q,
            @QueryParam("label") String label, @QueryParam("account") String account,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return mail.list(me.id(), new ListParams(bool("unread", unread), Instants.parse("since", since),
                Instants.parse("until", until), from, q, label, uuid("account", account), integer("limit", limit), cursor));
    }

    @GET
    @Path("/{id}")
    public MessageView get(@PathParam("id") String id) {
        return mail.get(me.id(), messageId(id));
    }

    /** Sends a message; a repeat with the same {@code Idempotency-Key} returns the first result and sends nothing. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@NotNull(message = "send a JSON body") @Valid SendRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return created(mail.send(me.id(), request, idempotencyKey));
    }

    @POST
    @Path("/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reply(@PathParam("id") String id, @NotNull(message = "send a JSON body") @Valid ReplyRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return created(mail.reply(me.id(), messageId(id), request, idempotencyKey));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MessageView update(@PathParam("id") String id,
            @NotNull(message = "send a JSON body") @Valid UpdateRequest request) {
        return mail.update(me.id(), messageId(id), request);
    }

    /** Moves the message to the provider's trash (recoverable there); 204. */
    @DELETE
    @Path("/{id}")
    public void trash(@PathParam("id") String id) {
        mail.trash(me.id(), messageId(id));
    }

    private static Response created(SendResult result) {
        return Response.status(result.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .location(URI.create("/api/email/messages/" + result.message().id()))
                .entity(result.message()).build();
    }

    private static UUID messageId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no message " + id + ".");
        }
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw invalid(name, "must be true or false");
    }

    private static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number");
        }
    }

    private static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be an account id from GET /api/email/accounts");
        }
    }

    private static ProblemException invalid(String name, String message) {
        return ProblemException.badRequest("'" + name + "' " + message + ".", List.of(new Problem.FieldError(name,
                message)));
    }
}

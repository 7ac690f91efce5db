package ai.andy.chat.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import ai.andy.chat.PendingActionView;
import ai.andy.chat.service.ActionService;
import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;

/**
 * What Andy prepared and waits for the person to decide: exactly what will happen, until when. Only a confirmation
 * here releases a side-effecting intent, and only once.
 */
@Path("/api/chat/actions")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class ActionsResource {
    private static final Set<String> STATUSES = Set.of("pending", "confirmed", "executed", "failed", "rejected",
            "expired");

    private final ActionService actions;
    private final CurrentUser me;

    ActionsResource(ActionService actions, CurrentUser me) {
        this.actions = actions;
        this.me = me;
    }

    @GET
    public Uni<Map<String, List<PendingActionView>>> list(@QueryParam("status") String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("'status' must be one of " + String.join(", ", STATUSES.stream()
                    .sorted().toList()) + ".", List.of(new Problem.FieldError("status", "unknown status")));
        }
        return actions.list(me.id(), status, 100).map(list -> Map.of("actions", list));
    }

    @GET
    @Path("/{id}")
    public Uni<PendingActionView> get(@PathParam("id") String id) {
        UUID actionId = id(id);
        return actions.find(me.id(), actionId).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("There is no action " + id + ".")));
    }

    @POST
    @Path("/{id}/confirm")
    public Uni<PendingActionView> confirm(@PathParam("id") String id) {
        return actions.confirm(me.id(), id(id));
    }

    @POST
    @Path("/{id}/reject")
    public Uni<PendingActionView> reject(@PathParam("id") String id) {
        return actions.reject(me.id(), id(id));
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no action " + id + ".");
        }
    }
}

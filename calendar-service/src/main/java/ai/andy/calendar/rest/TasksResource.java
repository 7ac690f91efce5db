package ai.andy.calendar.rest;

import java.net.URI;
import java.util.List;

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

import ai.andy.calendar.service.TaskRequest;
import ai.andy.calendar.service.TaskService;
import ai.andy.calendar.service.TaskView;
import ai.andy.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;

/** The signed-in person's tasks. Another person's task id is answered as not found. */
@Path("/api/tasks")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {
    private final TaskService tasks;
    private final CurrentUser me;

    TasksResource(TaskService tasks, CurrentUser me) {
        this.tasks = tasks;
        this.me = me;
    }

    /** {@code status}: open, done, overdue or all (default); {@code dueBefore}: a time or a date. */
    @GET
    public Uni<List<TaskView>> list(@QueryParam("status") String status, @QueryParam("dueBefore") String dueBefore) {
        return tasks.list(me.id(), EventsResource.blankToNull(status), Params.instant("dueBefore", dueBefore));
    }

    @GET
    @Path("/{id}")
    public Uni<TaskView> get(@PathParam("id") String id) {
        return tasks.get(me.id(), taskId(id));
    }

    /** Creates a task; a repeat with the same {@code Idempotency-Key} returns the first one. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@NotNull(message = "send the task as a JSON body") @Valid TaskRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return tasks.create(me.id(), request, EventsResource.blankToNull(idempotencyKey)).map(view -> Response
                .created(URI.create("/api/tasks/" + view.id())).entity(view).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TaskView> update(@PathParam("id") String id,
            @NotNull(message = "send the changes as a JSON body") @Valid TaskRequest changes) {
        return tasks.update(me.id(), taskId(id), changes);
    }

    @POST
    @Path("/{id}/complete")
    public Uni<TaskView> complete(@PathParam("id") String id) {
        return tasks.complete(me.id(), taskId(id));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return tasks.delete(me.id(), taskId(id)).map(ignored -> Response.noContent().build());
    }

    private static java.util.UUID taskId(String id) {
        java.util.UUID uuid;
        try {
            uuid = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ai.andy.calendar.service.Problems.noTask(id);
        }
        return uuid;
    }
}

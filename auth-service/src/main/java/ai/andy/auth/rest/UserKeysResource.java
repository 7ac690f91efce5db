package ai.andy.auth.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.andy.auth.service.UserKeyService;
import ai.andy.auth.service.UserKeyService.KeyView;
import ai.andy.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;

/** The person's own provider keys: write-only; listing shows which exist and their last 4 characters. */
@Path("/api/me/keys")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class UserKeysResource {
    private final UserKeyService keys;
    private final CurrentUser me;

    UserKeysResource(UserKeyService keys, CurrentUser me) {
        this.keys = keys;
        this.me = me;
    }

    public record KeyValue(String value) {
    }

    @GET
    public Uni<List<KeyView>> list() {
        return keys.list(me.id());
    }

    @PUT
    @Path("/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<KeyView> put(@PathParam("kind") String kind, KeyValue body) {
        return keys.put(me.id(), kind, body != null ? body.value() : null);
    }

    @DELETE
    @Path("/{kind}")
    public Uni<Response> delete(@PathParam("kind") String kind) {
        return keys.delete(me.id(), kind).map(ignored -> Response.noContent().build());
    }
}

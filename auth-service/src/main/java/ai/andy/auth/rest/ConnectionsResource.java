package ai.andy.auth.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.andy.auth.service.ConnectionService;
import ai.andy.auth.service.ConnectionService.ConnectionView;
import ai.andy.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;

/** The person's connected Google and Microsoft accounts. */
@Path("/api/connections")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionsResource {
    private final ConnectionService connections;
    private final CurrentUser me;

    ConnectionsResource(ConnectionService connections, CurrentUser me) {
        this.connections = connections;
        this.me = me;
    }

    /** Starts connecting an account: open the returned URL in the browser. */
    @POST
    @Path("/{provider}")
    @RolesAllowed("user")
    public Uni<Map<String, String>> connect(@PathParam("provider") String provider) {
        return connections.start(me.id(), provider).map(url -> Map.of("authorizationUrl", url.toString()));
    }

    @GET
    @RolesAllowed("user")
    public Uni<List<ConnectionView>> list() {
        return connections.list(me.id());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("user")
    public Uni<Response> disconnect(@PathParam("id") UUID id) {
        return connections.disconnect(me.id(), id).map(ignored -> Response.noContent().build());
    }

    /**
     * Where the provider sends the browser back. Public (the browser carries no token here): the one-time state ties
     * it to the person who started. Always ends in a redirect to the client with the outcome.
     */
    @GET
    @Path("/callback/{provider}")
    @PermitAll
    public Uni<Response> callback(@PathParam("provider") String provider, @QueryParam("code") String code,
            @QueryParam("state") String state, @QueryParam("error") String error) {
        return connections.finish(provider, code, state, error)
                .map(next -> Response.seeOther(next).header("Cache-Control", "no-store").build());
    }
}

package ai.andy.auth.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import ai.andy.auth.service.AccessTokenService;
import ai.andy.auth.service.AccessTokenService.AccessToken;
import ai.andy.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * For Andy's services (service token only): a valid provider access token for one of a person's connections. The
 * caller names the person, and the connection must be theirs. Refresh tokens never leave auth-service.
 */
@Path("/internal/connections/{id}/access-token")
@RolesAllowed("service")
@Produces(MediaType.APPLICATION_JSON)
public class InternalConnectionResource {
    private final AccessTokenService tokens;

    InternalConnectionResource(AccessTokenService tokens) {
        this.tokens = tokens;
    }

    @GET
    public Uni<AccessToken> accessToken(@PathParam("id") UUID id, @QueryParam("userId") String userId) {
        if (userId == null || userId.isBlank()) {
            throw ProblemException.badRequest("Name the person the connection belongs to: ?userId=...", java.util.List.of());
        }
        return tokens.forConnection(userId, id);
    }
}

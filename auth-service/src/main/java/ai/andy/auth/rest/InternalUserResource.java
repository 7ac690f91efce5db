package ai.andy.auth.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ai.andy.auth.service.ProfileService;
import io.smallrye.mutiny.Uni;

/**
 * For Andy's services only (a service token; a person's token is refused): a person's profile, e.g. their time zone
 * and working hours for scheduling. Never routed by the gateway.
 */
@Path("/internal/users/{userId}")
@RolesAllowed("service")
@Produces(MediaType.APPLICATION_JSON)
public class InternalUserResource {
    private final ProfileService profiles;
    private final ai.andy.auth.service.UserKeyService keys;

    InternalUserResource(ProfileService profiles, ai.andy.auth.service.UserKeyService keys) {
        this.profiles = profiles;
        this.keys = keys;
    }

    @GET
    public Uni<ProfileView> profile(@PathParam("userId") String userId) {
        return profiles.profile(userId);
    }

    /** The person's own key for a provider, in clear, for the service that calls that provider on their behalf. */
    @GET
    @Path("/keys/{kind}")
    public Uni<java.util.Map<String, String>> key(@PathParam("userId") String userId, @PathParam("kind") String kind) {
        return keys.open(userId, kind).map(value -> java.util.Map.of("kind", kind, "value", value));
    }
}

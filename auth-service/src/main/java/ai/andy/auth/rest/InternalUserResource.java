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

    InternalUserResource(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GET
    public Uni<ProfileView> profile(@PathParam("userId") String userId) {
        return profiles.profile(userId);
    }
}

package ai.andy.auth.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ai.andy.auth.service.ProfileService;
import ai.andy.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;

/** The signed-in person's own profile and preferences. */
@Path("/api/me")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    private final ProfileService profiles;
    private final CurrentUser me;

    MeResource(ProfileService profiles, CurrentUser me) {
        this.profiles = profiles;
        this.me = me;
    }

    @GET
    public Uni<ProfileView> get() {
        return profiles.profile(me.id());
    }

    /** Changes only the fields present; 400 names each invalid one and changes nothing. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ProfileView> update(ProfileUpdate update) {
        return profiles.update(me.id(), update);
    }
}

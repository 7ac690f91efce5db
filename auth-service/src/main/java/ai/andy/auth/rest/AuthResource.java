package ai.andy.auth.rest;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.andy.auth.service.SignupService;
import io.smallrye.mutiny.Uni;

@Path("/api/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    private final SignupService signups;

    AuthResource(SignupService signups) {
        this.signups = signups;
    }

    /** Opens an account. 400 names each invalid field; 409 if the address already has an account. */
    @POST
    @Path("/signup")
    public Uni<Response> signup(SignupRequest request) {
        return signups.signup(request).map(user -> Response.created(URI.create("/api/me"))
                .entity(UserView.of(user)).build());
    }
}

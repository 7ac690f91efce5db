package ai.andy.auth.rest;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.andy.auth.security.TrustedProxies;
import ai.andy.auth.service.SessionService;
import ai.andy.auth.service.SessionService.Tokens;
import ai.andy.auth.service.SignupService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Public endpoints: opening an account, signing in, refreshing and ending a sign-in. */
@Path("/api/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    private final SignupService signups;
    private final SessionService sessions;
    private final TrustedProxies proxies;

    AuthResource(SignupService signups, SessionService sessions, TrustedProxies proxies) {
        this.signups = signups;
        this.sessions = sessions;
        this.proxies = proxies;
    }

    public record LoginRequest(String email, String password) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    /** Opens an account. 400 names each invalid field; 409 if the address already has an account. */
    @POST
    @Path("/signup")
    public Uni<Response> signup(SignupRequest request) {
        return signups.signup(request).map(user -> Response.created(URI.create("/api/me"))
                .entity(UserView.of(user)).build());
    }

    /**
     * Signs in. 401 does not say whether the address or the password was wrong; after too many failures for the
     * account or from the address, 429 with Retry-After.
     */
    @POST
    @Path("/login")
    public Uni<Tokens> login(LoginRequest request, @Context HttpServerRequest http) {
        LoginRequest body = request != null ? request : new LoginRequest(null, null);
        String client = proxies.client(http.remoteAddress().hostAddress(), http.headers().getAll("X-Forwarded-For"));
        return sessions.login(body.email(), body.password(), client);
    }

    /** Trades a refresh token for a new pair; the presented token is spent. */
    @POST
    @Path("/refresh")
    public Uni<Tokens> refresh(RefreshRequest request) {
        return sessions.refresh(request != null ? request.refreshToken() : null);
    }

    /** Ends the sign-in the refresh token belongs to, on every device that shares it. */
    @POST
    @Path("/logout")
    public Uni<Response> logout(RefreshRequest request) {
        return sessions.logout(request != null ? request.refreshToken() : null)
                .map(ignored -> Response.noContent().build());
    }
}

package ai.andy.auth.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import ai.andy.auth.security.SigningKeys;

/** The public keys that verify Andy's tokens, for the gateway and every service. */
@Path("/.well-known/jwks.json")
public class JwksResource {
    private final SigningKeys keys;

    JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces({ "application/jwk-set+json", "application/json" })
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(Map.<String, List<Map<String, Object>>> of("keys", keys.publishedJwks()))
                .cacheControl(cache).build();
    }
}

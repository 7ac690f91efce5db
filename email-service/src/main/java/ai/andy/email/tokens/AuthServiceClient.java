package ai.andy.email.tokens;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** auth-service's internal API, called with a service token. */
@RegisterRestClient(configKey = "auth-service")
@Path("/internal")
public interface AuthServiceClient {

    record AccessToken(String accessToken, OffsetDateTime expiresAt, String provider, String account) {
        @Override
        public String toString() {
            return "AccessToken[" + provider + ", expiresAt=" + expiresAt + "]";
        }
    }

    @GET
    @Path("/connections/{id}/access-token")
    AccessToken accessToken(@HeaderParam("Authorization") String serviceToken, @PathParam("id") UUID connectionId,
            @QueryParam("userId") String userId);
}

package ai.andy.email.client;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** auth-service's internal API; the OIDC client filter adds this service's client-credentials token. */
@RegisterRestClient(configKey = "auth-service")
@OidcClientFilter
@Path("/internal")
interface AuthServiceClient {

    record AccessToken(String accessToken, OffsetDateTime expiresAt, String provider, String account) {
        @Override
        public String toString() {
            return "AccessToken[" + provider + ", expiresAt=" + expiresAt + "]";
        }
    }

    @GET
    @Path("/connections/{id}/access-token")
    AccessToken accessToken(@PathParam("id") UUID connectionId, @QueryParam("userId") String userId);
}

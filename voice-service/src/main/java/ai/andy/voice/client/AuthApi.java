package ai.andy.voice.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** auth-service's internal profile endpoint (service token). */
@RegisterRestClient(configKey = "auth-service")
@Path("/internal/users")
interface AuthApi {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Profile(String id, String displayName) {
    }

    @GET
    @Path("/{userId}")
    Profile profile(@HeaderParam("Authorization") String serviceToken, @PathParam("userId") String userId);
}

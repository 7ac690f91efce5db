package ai.andy.chat.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** email-service's internal endpoint for the people a person has exchanged mail with, called with the service token. */
@RegisterRestClient(configKey = "email-service")
@OidcClientFilter
@Path("/internal/people")
interface EmailApi {

    record Correspondent(String name, String address, long messages) {
    }

    @GET
    List<Correspondent> people(@QueryParam("userId") String userId, @QueryParam("name") String name);
}

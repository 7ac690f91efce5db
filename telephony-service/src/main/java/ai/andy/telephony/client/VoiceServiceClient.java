package ai.andy.telephony.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** voice-service's internal API, called with a service token. */
@RegisterRestClient(configKey = "voice-service")
@Path("/internal/voice")
interface VoiceServiceClient {

    /** A signed, expiring URL of the person's greeting in their own voice; 404 when they have none. */
    record Greeting(String url) {
    }

    @GET
    @Path("/greeting/{userId}")
    Greeting greeting(@HeaderParam("Authorization") String serviceToken, @PathParam("userId") String userId);
}

package ai.andy.voice.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ai.andy.runtime.problem.ProblemException;
import ai.andy.voice.service.GreetingService;

/**
 * For telephony-service (service token only): a signed, expiring URL of the person's greeting in their cloned voice,
 * as 8 kHz mu-law WAV for Twilio's Play; 404 when they have no clone.
 */
@Path("/internal/voice/greeting/{userId}")
@RolesAllowed("service")
@Produces(MediaType.APPLICATION_JSON)
public class InternalGreetingResource {
    private final GreetingService greetings;

    InternalGreetingResource(GreetingService greetings) {
        this.greetings = greetings;
    }

    @GET
    public GreetingService.Greeting greeting(@PathParam("userId") String userId) {
        return greetings.greeting(userId).orElseThrow(() -> ProblemException.notFound(
                "This person has no cloned voice; use the standard greeting."));
    }
}

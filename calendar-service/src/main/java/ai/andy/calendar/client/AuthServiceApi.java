package ai.andy.calendar.client;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** auth-service's internal API, called with a service token. */
@RegisterRestClient(configKey = "auth-service")
@Path("/internal/users")
interface AuthServiceApi {

    record Profile(String id, String timezone, Preferences preferences) {
    }

    record Preferences(WorkingHours workingHours) {
    }

    record WorkingHours(LocalTime start, LocalTime end, List<DayOfWeek> days) {
    }

    @GET
    @Path("/{userId}")
    Uni<Profile> profile(@HeaderParam("Authorization") String serviceToken, @PathParam("userId") String userId);
}

package ai.andy.calendar.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import ai.andy.calendar.service.Problems;
import ai.andy.calendar.service.SchedulingService;
import ai.andy.calendar.service.SlotSearch;
import ai.andy.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;

/** Free/busy and finding a time, across all the signed-in person's calendars. */
@Path("/api/calendar")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class SchedulingResource {
    private final SchedulingService scheduling;
    private final CurrentUser me;

    SchedulingResource(SchedulingService scheduling, CurrentUser me) {
        this.scheduling = scheduling;
        this.me = me;
    }

    /** Busy times in [from, to), merged; no titles or details. */
    @GET
    @Path("/free-busy")
    public Uni<Map<String, Object>> freeBusy(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = required("from", Params.instant("from", from));
        Instant end = required("to", Params.instant("to", to));
        return scheduling.busy(me.id(), start, end).map(busy -> Map.of("from", start, "to", end, "busy", busy));
    }

    /** Free slots of {@code durationMinutes} in [from, to) within the person's working hours, earliest first. */
    @GET
    @Path("/find-slot")
    public Uni<SlotSearch> findSlot(@QueryParam("durationMinutes") String durationMinutes,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit) {
        Integer minutes = required("durationMinutes", Params.integer("durationMinutes", durationMinutes));
        Instant start = required("from", Params.instant("from", from));
        Instant end = required("to", Params.instant("to", to));
        Integer max = Params.integer("limit", limit);
        return scheduling.findSlots(me.id(), Duration.ofMinutes(minutes), start, end, max == null ? 5 : max, false);
    }

    private static <T> T required(String name, T value) {
        if (value == null) {
            throw Problems.invalid(name, "'" + name + "' is required.");
        }
        return value;
    }

}

package ai.andy.calendar.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.andy.calendar.service.CalendarService;
import ai.andy.calendar.service.CalendarView;
import ai.andy.calendar.service.EventPage;
import ai.andy.calendar.service.EventRequest;
import ai.andy.calendar.service.EventService;
import ai.andy.calendar.service.EventView;
import ai.andy.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;

/**
 * The signed-in person's calendars and events. Ids are Andy's own; a series instance has an id of its own
 * ({@code <series id>_<original start>}). Another person's id is answered as not found.
 */
@Path("/api/calendar")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {
    private final EventService events;
    private final CalendarService calendars;
    private final CurrentUser me;

    EventsResource(EventService events, CalendarService calendars, CurrentUser me) {
        this.events = events;
        this.calendars = calendars;
        this.me = me;
    }

    /** Calendars (kind {@code events}) and task lists (kind {@code tasks}). */
    @GET
    @Path("/calendars")
    public Uni<List<CalendarView>> calendars() {
        return calendars.calendars(me.id());
    }

    /** Events overlapping [from, to), series expanded, by start; paged with {@code cursor}. */
    @GET
    @Path("/events")
    public Uni<EventPage> list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("calendar") String calendar, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return events.list(me.id(), Params.instant("from", from), Params.instant("to", to),
                Params.uuid("calendar", calendar), cursor, Params.integer("limit", limit));
    }

    @GET
    @Path("/events/{id}")
    public Uni<EventView> get(@PathParam("id") String id) {
        return events.get(me.id(), id);
    }

    /** Creates an event; a repeat with the same {@code Idempotency-Key} returns the first one and creates nothing. */
    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@NotNull(message = "send the event as a JSON body") @Valid EventRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return events.create(me.id(), request, blankToNull(idempotencyKey)).map(view -> Response
                .created(URI.create("/api/calendar/events/" + view.id())).entity(view).build());
    }

    /** Changes an event, a whole series (series id) or one instance (instance id); only the fields sent. */
    @PATCH
    @Path("/events/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<EventView> update(@PathParam("id") String id,
            @NotNull(message = "send the changes as a JSON body") @Valid EventRequest changes) {
        return events.update(me.id(), id, changes);
    }

    /** Cancels an event, a whole series, or one instance; answers with the cancelled event. */
    @DELETE
    @Path("/events/{id}")
    public Uni<EventView> cancel(@PathParam("id") String id) {
        return events.cancel(me.id(), id);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package ai.andy.calendar.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.andy.calendar.service.IcsService;
import ai.andy.calendar.service.Problems;
import ai.andy.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;

/** A calendar as an iCalendar file, and events from one. */
@Path("/api/calendar/calendars/{id}")
@RolesAllowed("user")
public class IcsResource {
    private static final String ICS = "text/calendar";

    private final IcsService ics;
    private final CurrentUser me;

    IcsResource(IcsService ics, CurrentUser me) {
        this.ics = ics;
        this.me = me;
    }

    @GET
    @Path("/export.ics")
    @Produces(ICS)
    public Uni<Response> export(@PathParam("id") String id) {
        return ics.export(me.id(), calendarId(id)).map(text -> Response.ok(text, ICS + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"calendar.ics\"").build());
    }

    /** Adds the events of an .ics file (sent as text/calendar) to the calendar. Each import adds them anew. */
    @POST
    @Path("/import")
    @Consumes({ICS, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<IcsService.ImportResult> importFile(@PathParam("id") String id, String body) {
        String userId = me.id();
        java.util.UUID calendar = calendarId(id);
        return ics.parse(body).chain(parsed -> ics.importInto(userId, calendar, parsed));
    }

    private static java.util.UUID calendarId(String id) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problems.noCalendar(id);
        }
    }
}

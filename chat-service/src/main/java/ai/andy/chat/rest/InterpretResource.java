package ai.andy.chat.rest;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ai.andy.chat.service.InterpretService;
import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.runtime.security.CurrentUser;

/**
 * What a message would make Andy do, without doing it: the intents in ARCHITECTURE.md's format, a clarifying question,
 * or (when nothing was understood) what Andy can do. Times resolve in {@code timezone}, else the person's own time
 * zone from their profile, at {@code now} (default: the present). Names resolve against the people they have
 * exchanged mail with. The language model answers when one is configured (its proposed tool calls, none carried
 * out), otherwise the offline engine.
 */
@Path("/api/chat/interpret")
@RolesAllowed("user")
public class InterpretResource {

    public record InterpretRequest(
            @NotBlank(message = "must not be empty") @Size(max = 2000, message = "must be at most 2000 characters") String text,
            String now,
            String timezone) {
    }

    private final InterpretService interpreter;
    private final CurrentUser me;

    InterpretResource(InterpretService interpreter, CurrentUser me) {
        this.interpreter = interpreter;
        this.me = me;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> interpret(@NotNull(message = "send a JSON body") @Valid InterpretRequest request) {
        ZoneId zone = request.timezone() == null || request.timezone().isBlank() ? interpreter.zoneOf(me.id())
                : zone(request.timezone());
        ZonedDateTime now = request.now() == null || request.now().isBlank() ? ZonedDateTime.now(zone)
                : instant(request.now()).atZoneSameInstant(zone);
        return interpreter.interpret(me.id(), request.text(), now);
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name.trim());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("'" + name + "' is not a time zone; use an IANA name such as "
                    + "Europe/Paris.", List.of(new Problem.FieldError("timezone", "is not an IANA time zone")));
        }
    }

    private static OffsetDateTime instant(String value) {
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'now' must be a time with offset, e.g. 2026-11-28T09:00:00+01:00.",
                    List.of(new Problem.FieldError("now", "must be an ISO-8601 time with offset")));
        }
    }
}

package ai.andy.email.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import ai.andy.email.api.Correspondent;
import ai.andy.email.service.PeopleDirectory;
import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * For Andy's services (service token only): the people a person has exchanged mail with, matching a name. This is how
 * chat-service turns "email Sarah" into an address; the caller names the person, and only their mail is searched.
 */
@Path("/internal/people")
@RolesAllowed("service")
@Produces(MediaType.APPLICATION_JSON)
public class InternalPeopleResource {
    private final PeopleDirectory people;

    InternalPeopleResource(PeopleDirectory people) {
        this.people = people;
    }

    @GET
    public Uni<List<Correspondent>> people(@QueryParam("userId") String userId, @QueryParam("name") String name,
            @QueryParam("limit") Integer limit) {
        if (userId == null || userId.isBlank() || name == null || name.isBlank() || name.length() > 100) {
            throw ProblemException.badRequest("Name the person (?userId=) and the name to look for (?name=, at most "
                    + "100 characters).", List.of(new Problem.FieldError(userId == null || userId.isBlank()
                            ? "userId" : "name", "is required")));
        }
        int max = limit == null ? 5 : Math.max(1, Math.min(limit, 20));
        return people.matching(userId, name, max);
    }
}

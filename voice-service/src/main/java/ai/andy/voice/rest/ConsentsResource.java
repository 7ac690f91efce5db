package ai.andy.voice.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.runtime.security.CurrentUser;
import ai.andy.voice.service.ConsentService;
import ai.andy.voice.service.ConsentView;

/**
 * The person's consents to clone their voice: make one (a statement to read aloud), upload the recording of it,
 * see them, revoke one (its clone and cached audio are deleted).
 */
@Path("/api/voice/consents")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentsResource {
    /** Optional name to put in the statement when the person's profile has none. */
    public record NewConsent(String name) {
    }

    private final ConsentService consents;
    private final CurrentUser user;
    private final TokenSession session;

    ConsentsResource(ConsentService consents, CurrentUser user, TokenSession session) {
        this.consents = consents;
        this.user = user;
        this.session = session;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsentView create(NewConsent body) {
        return consents.create(user.id(), body == null ? null : body.name(), session.id());
    }

    @GET
    public List<ConsentView> list() {
        return consents.list(user.id());
    }

    @GET
    @Path("/{id}")
    public ConsentView get(@PathParam("id") String id) {
        return consents.get(user.id(), uuid(id));
    }

    /** Multipart, field {@code recording}: the person reading the statement (WAV, FLAC or OGG). */
    @POST
    @Path("/{id}/recording")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ConsentView record(@PathParam("id") String id, @RestForm("recording") FileUpload recording) {
        String userId = user.id();
        UUID consentId = uuid(id);
        if (recording == null) {
            throw ProblemException.badRequest("Upload the recording as the multipart field 'recording'.",
                    List.of(new Problem.FieldError("recording", "is required")));
        }
        return consents.record(userId, consentId, recording.uploadedFile(), recording.fileName(),
                recording.contentType(), recording.size(), session.id());
    }

    @DELETE
    @Path("/{id}")
    public ConsentView revoke(@PathParam("id") String id) {
        return consents.revoke(user.id(), uuid(id));
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is nothing with id " + (id.length() > 40 ? "" : id) + ".");
        }
    }
}

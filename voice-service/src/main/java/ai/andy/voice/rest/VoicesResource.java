package ai.andy.voice.rest;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.runtime.security.CurrentUser;
import ai.andy.voice.service.VoiceLibraryService;
import ai.andy.voice.service.VoiceView;

/** The person's cloned voices: clone (multipart: consentId, name, samples), list, rename, delete. */
@Path("/api/voice/voices")
@Produces(MediaType.APPLICATION_JSON)
public class VoicesResource {
    public record Rename(String name) {
    }

    private final VoiceLibraryService library;
    private final CurrentUser user;

    VoicesResource(VoiceLibraryService library, CurrentUser user) {
        this.library = library;
        this.user = user;
    }

    @GET
    public List<VoiceView> list() {
        return library.list(user.id());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response clone(@RestForm String consentId, @RestForm String name,
            @RestForm("samples") List<FileUpload> samples) {
        String userId = user.id();
        if (consentId == null || consentId.isBlank()) {
            throw ProblemException.badRequest("Name the recorded consent this clone is made with ('consentId').",
                    List.of(new Problem.FieldError("consentId", "is required")));
        }
        var uploads = samples == null ? List.<VoiceLibraryService.Upload> of() : samples.stream()
                .map(f -> new VoiceLibraryService.Upload(f.fileName() == null ? "sample" : f.fileName(),
                        f.contentType(), f.uploadedFile(), f.size()))
                .toList();
        VoiceView voice = library.clone(userId, ConsentsResource.uuid(consentId), name, uploads);
        return Response.status(201).entity(voice).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public VoiceView rename(@PathParam("id") String id, Rename body) {
        return library.rename(user.id(), ConsentsResource.uuid(id), body == null ? null : body.name());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        library.delete(user.id(), ConsentsResource.uuid(id));
        return Response.noContent().build();
    }
}

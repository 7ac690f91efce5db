package ai.andy.voice.rest;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import ai.andy.runtime.problem.ProblemException;
import ai.andy.voice.service.SignedUrls;
import ai.andy.voice.service.SpeechService;

/**
 * Rendered audio by signed URL, without a token (Twilio's Play, an audio element). The signature is the
 * authorisation: a changed id or expiry, or an expired URL, is refused with 403.
 */
@Path("/api/voice/audio/{id}")
public class AudioResource {
    private final SignedUrls urls;
    private final SpeechService speech;

    AudioResource(SignedUrls urls, SpeechService speech) {
        this.urls = urls;
        this.speech = speech;
    }

    @GET
    public Response audio(@PathParam("id") String id, @QueryParam("expires") Long expires,
            @QueryParam("signature") String signature) {
        UUID rendering;
        try {
            rendering = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw forbidden();
        }
        if (expires == null || !urls.valid(rendering, expires, signature)) {
            throw forbidden();
        }
        SpeechService.Audio audio = speech.fetch(rendering).orElseThrow(() -> ProblemException.notFound(
                "This audio is no longer kept. Ask for it again."));
        return Response.ok(audio.bytes(), audio.format().mediaType())
                .header("Cache-Control", "private, max-age=300").build();
    }

    private static ProblemException forbidden() {
        return new ProblemException(403, "Forbidden", "This audio link is invalid or has expired. Ask for a new one.");
    }
}

package ai.andy.voice.rest;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.runtime.security.CurrentUser;
import ai.andy.voice.provider.AudioFormat;
import ai.andy.voice.service.SignedUrls;
import ai.andy.voice.service.SpeechRequest;
import ai.andy.voice.service.SpeechService;

/** Speech for the signed-in person: the audio itself (streamed sentence by sentence with ElevenLabs) or a signed URL. */
@Path("/api/voice/speech")
public class SpeechResource {
    private final SpeechService speech;
    private final SignedUrls urls;
    private final CurrentUser user;

    SpeechResource(SpeechService speech, SignedUrls urls, CurrentUser user) {
        this.speech = speech;
        this.urls = urls;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response speak(SpeechBody body) {
        if (body == null) {
            throw ProblemException.badRequest("Send {\"text\": ...} as JSON.", List.of(new Problem.FieldError("text",
                    "is required")));
        }
        SpeechRequest request = new SpeechRequest(user.id(), body.text(), body.voiceId(), format(body.format()),
                "speech");
        String delivery = body.delivery() == null ? "audio" : body.delivery();
        switch (delivery) {
            case "url" -> {
                SpeechService.Audio audio = speech.speak(request);
                SignedUrls.Signed signed = urls.sign(audio.id());
                return Response.ok(new SpeechLink(signed.url(), audio.format().name(), audio.format().mediaType(),
                        signed.expiresAt(), audio.characters(), audio.cached()), MediaType.APPLICATION_JSON).build();
            }
            case "audio" -> {
                SpeechService.Stream stream = speech.stream(request);
                StreamingOutput out = stream::writeTo;
                return Response.ok(out, stream.format().mediaType()).build();
            }
            default -> throw ProblemException.badRequest("delivery is audio or url.",
                    List.of(new Problem.FieldError("delivery", "must be audio or url")));
        }
    }

    static AudioFormat format(String name) {
        try {
            return AudioFormat.parse(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Unknown audio format '" + name + "'.",
                    List.of(new Problem.FieldError("format", e.getMessage())));
        }
    }
}

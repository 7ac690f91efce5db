package ai.andy.voice.provider.elevenlabs;

import java.io.InputStream;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The few ElevenLabs endpoints Andy uses, as documented at elevenlabs.io/docs/api-reference. */
@RegisterRestClient(configKey = "elevenlabs")
@Path("/v1")
interface ElevenLabsApi {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SpeechBody(String text, @JsonProperty("model_id") String modelId,
            @JsonProperty("previous_text") String previousText, @JsonProperty("next_text") String nextText) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AddedVoice(@JsonProperty("voice_id") String voiceId,
            @JsonProperty("requires_verification") Boolean requiresVerification) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Voice(@JsonProperty("voice_id") String voiceId, String name, String category) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Voices(List<Voice> voices) {
    }

    /** ElevenLabs' errors as ProviderExceptions; blocking because a streamed call's error body is read here. */
    @io.quarkus.rest.client.reactive.ClientExceptionMapper
    @io.smallrye.common.annotation.Blocking
    static RuntimeException toException(jakarta.ws.rs.core.Response response) {
        return response.getStatus() >= 400 ? ElevenLabsErrors.toThrowable(response) : null;
    }

    @POST
    @Path("/text-to-speech/{voiceId}/stream")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.WILDCARD)
    InputStream stream(@HeaderParam("xi-api-key") String key, @PathParam("voiceId") String voiceId,
            @QueryParam("output_format") String outputFormat,
            @QueryParam("optimize_streaming_latency") Integer optimizeStreamingLatency, SpeechBody body);

    @POST
    @Path("/voices/add")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    AddedVoice add(@HeaderParam("xi-api-key") String key, ClientMultipartForm form);

    @GET
    @Path("/voices")
    @Produces(MediaType.APPLICATION_JSON)
    Voices voices(@HeaderParam("xi-api-key") String key);

    @POST
    @Path("/voices/{voiceId}/edit")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    String edit(@HeaderParam("xi-api-key") String key, @PathParam("voiceId") String voiceId, ClientMultipartForm form);

    @DELETE
    @Path("/voices/{voiceId}")
    @Produces(MediaType.APPLICATION_JSON)
    String delete(@HeaderParam("xi-api-key") String key, @PathParam("voiceId") String voiceId);
}

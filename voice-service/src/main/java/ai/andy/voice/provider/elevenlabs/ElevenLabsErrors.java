package ai.andy.voice.provider.elevenlabs;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.andy.voice.provider.ProviderException;
import ai.andy.voice.provider.ProviderException.Kind;

/**
 * ElevenLabs' errors as {@link ProviderException}s. Its body is {@code {"detail":{"status":..., "message":...}}};
 * a used-up quota comes as 401 with status {@code quota_exceeded}, so the status decides, not only the HTTP code.
 */
class ElevenLabsErrors implements ResponseExceptionMapper<ProviderException> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public ProviderException toThrowable(Response response) {
        int code = response.getStatus();
        JsonNode detail = detail(response);
        String status = detail.path("status").asText("");
        String message = detail.path("message").asText("");
        Duration retryAfter = retryAfter(response.getHeaderString("Retry-After"));
        if ("quota_exceeded".equals(status)) {
            return new ProviderException(Kind.QUOTA, "The ElevenLabs account's character quota is used up"
                    + (message.isBlank() ? "" : " (" + message + ")") + ".", retryAfter);
        }
        return switch (code) {
            case 401, 403 -> new ProviderException(Kind.BAD_KEY, "ElevenLabs refused the API key.", null);
            case 404 -> new ProviderException(Kind.NOT_FOUND, "ElevenLabs has no such voice.", null);
            case 429 -> new ProviderException.RateLimited("ElevenLabs is busy with too many requests"
                    + (status.isBlank() ? "" : " (" + status + ")") + ".",
                    retryAfter == null ? Duration.ofSeconds(5) : retryAfter);
            case 400, 422 -> new ProviderException(Kind.REJECTED, "ElevenLabs refused the request"
                    + (message.isBlank() ? "." : ": " + message), null);
            default -> new ProviderException.Unavailable("ElevenLabs answered HTTP " + code + ".", retryAfter);
        };
    }

    private static JsonNode detail(Response response) {
        try {
            if (!response.hasEntity()) {
                return JSON.missingNode();
            }
            String body = response.readEntity(String.class);
            JsonNode detail = JSON.readTree(body).path("detail");
            return detail.isTextual() ? JSON.createObjectNode().put("message", detail.asText()) : detail;
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.missingNode();
        }
    }

    private static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return null; // an HTTP date; rare for ElevenLabs, and our own default applies
        }
    }
}

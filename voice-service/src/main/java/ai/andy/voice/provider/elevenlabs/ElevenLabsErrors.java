package ai.andy.voice.provider.elevenlabs;

import java.time.Duration;

import jakarta.ws.rs.core.Response;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.andy.voice.provider.ProviderException;
import ai.andy.voice.provider.ProviderException.Kind;

/**
 * ElevenLabs' errors as {@link ProviderException}s. Its body is {@code {"detail":{"status":..., "message":...}}};
 * a used-up quota comes as 401 with status {@code quota_exceeded}, so the status decides, not only the HTTP code.
 */
final class ElevenLabsErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the body, so it runs on a worker thread ({@code @Blocking} on the client's mapper). */
    static ProviderException toThrowable(Response response) {
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
            JsonNode detail = JSON.readTree(body(response)).path("detail");
            return detail.isTextual() ? JSON.createObjectNode().put("message", detail.asText()) : detail;
        } catch (RuntimeException | java.io.IOException e) {
            return JSON.missingNode();
        }
    }

    /** The error body, whether the client buffered it or left it as the stream a speech call returns. */
    private static String body(Response response) throws java.io.IOException {
        Object entity;
        try {
            entity = response.getEntity();
        } catch (RuntimeException e) {
            entity = null;
        }
        if (entity instanceof java.io.InputStream stream) {
            return new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (entity instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (entity instanceof String text) {
            return text;
        }
        response.bufferEntity();
        return response.readEntity(String.class);
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

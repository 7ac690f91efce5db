package ai.andy.chat.assistant.llm;

import java.io.IOException;
import java.nio.channels.UnresolvedAddressException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.andy.chat.assistant.llm.ModelException.Kind;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;

/**
 * What a failed model call means for the person, and whether trying again can help. Retrying is only ever
 * considered for a call that delivered nothing yet: a stream that broke after data arrived is cut off, not retried.
 */
final class Failures {

    /** @param status the provider's HTTP status, 0 when there was no response */
    record Failure(Kind kind, boolean retryable, int status, String detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRETS = Pattern.compile(
            "(?i)(?:sk|pk|rk|key|token)[-_][A-Za-z0-9*_\\-]{6,}|Bearer\\s+\\S+|[A-Za-z0-9_\\-]{32,}");

    private Failures() {
    }

    static Failure classify(Throwable error, boolean receivedAny, boolean timedOut, String apiKey) {
        if (timedOut) {
            return receivedAny ? new Failure(Kind.INCOMPLETE, false, 0, "stalled")
                    : new Failure(Kind.TIMEOUT, true, 0, null);
        }
        HttpException http = find(error, HttpException.class);
        if (http != null) {
            return fromStatus(http.statusCode(), http.getMessage(), apiKey);
        }
        if (find(error, RateLimitException.class) != null) {
            return fromStatus(429, null, apiKey);
        }
        if (find(error, InternalServerException.class) != null) {
            return fromStatus(500, null, apiKey);
        }
        if (find(error, AuthenticationException.class) != null) {
            return fromStatus(401, null, apiKey);
        }
        if (find(error, ModelNotFoundException.class) != null) {
            return fromStatus(404, null, apiKey);
        }
        if (find(error, InvalidRequestException.class) != null) {
            return fromStatus(400, null, apiKey);
        }
        if (find(error, ContentFilteredException.class) != null) {
            return new Failure(Kind.REFUSED, false, 0, "content filter");
        }
        if (find(error, InterruptedException.class) != null) {
            return new Failure(Kind.FAILED, false, 0, "interrupted");
        }
        if (find(error, JsonProcessingException.class) != null || named(error, "OpenAiApiException")) {
            return new Failure(Kind.INCOMPLETE, false, 0, "malformed");
        }
        if (named(error, "Timeout")) {
            return receivedAny ? new Failure(Kind.INCOMPLETE, false, 0, "stalled")
                    : new Failure(Kind.TIMEOUT, true, 0, null);
        }
        if (find(error, IOException.class) != null || find(error, UnresolvedAddressException.class) != null
                || named(error, "HttpClosedException") || named(error, "ConnectException")) {
            return receivedAny ? new Failure(Kind.INCOMPLETE, false, 0, "connection closed")
                    : new Failure(Kind.UNAVAILABLE, true, 0, "no connection");
        }
        return new Failure(receivedAny ? Kind.INCOMPLETE : Kind.FAILED, false, 0, null);
    }

    private static Failure fromStatus(int status, String body, String apiKey) {
        String message = providerMessage(body, apiKey);
        if (status == 429) {
            return body != null && body.contains("insufficient_quota")
                    ? new Failure(Kind.REFUSED, false, status, "quota")
                    : new Failure(Kind.RATE_LIMITED, true, status, message);
        }
        if (status == 408) {
            return new Failure(Kind.TIMEOUT, true, status, null);
        }
        if (status >= 500) {
            return new Failure(Kind.UNAVAILABLE, true, status, null);
        }
        return new Failure(Kind.REFUSED, false, status, message);
    }

    /** The provider's own error message ({@code error.message}), shortened, with anything key-like removed. */
    static String providerMessage(String body, String apiKey) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String message;
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode m = node.path("error").isObject() ? node.path("error").path("message") : node.path("message");
            message = m.isTextual() ? m.asText() : node.path("error").isTextual() ? node.path("error").asText() : null;
        } catch (IOException | RuntimeException e) {
            message = null;
        }
        if (message == null || message.isBlank()) {
            return null;
        }
        if (apiKey != null && !apiKey.isBlank()) {
            message = message.replace(apiKey, "[redacted]");
        }
        message = SECRETS.matcher(message).replaceAll("[redacted]").replaceAll("\\s+", " ").trim();
        return message.length() > 200 ? message.substring(0, 197) + "..." : message;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean named(Throwable error, String part) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().contains(part)) {
                return true;
            }
        }
        return false;
    }
}

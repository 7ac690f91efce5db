package ai.andy.chat.assistant.llm;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Remembers a model provider's {@code Retry-After} (or {@code retry-after-ms}) on a 429 or 503 from a
 * {@code .../chat/completions} endpoint. langchain4j's exceptions carry the status and body but not the headers, so
 * the REST client that quarkus-langchain4j uses for OpenAI reports them here. The wait is kept per provider host and
 * API key: a rate limit belongs to a key, so everyone on Andy's shared key waits it out, while a person using their own
 * key neither causes nor suffers another key's wait. Only a hash of the key is kept. Responses from other endpoints
 * are not looked at.
 */
@Provider
public class RetryAfterFilter implements ClientResponseFilter {

    /** Until when each provider key should wait; an entry goes when its wait is over. */
    private static final Cache<String, Instant> NOT_BEFORE = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfter(Expiry.<String, Instant> creating((key, until) -> {
                Duration left = Duration.between(Instant.now(), until);
                return left.isNegative() ? Duration.ZERO : left;
            })).build();

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        int status = response.getStatus();
        if (status != 429 && status != 503) {
            return;
        }
        URI uri = request.getUri();
        if (uri == null || uri.getPath() == null || !uri.getPath().endsWith("/chat/completions")) {
            return;
        }
        parse(response.getHeaderString("retry-after-ms"), response.getHeaderString("Retry-After"), Instant.now())
                .ifPresent(wait -> NOT_BEFORE.asMap().merge(key(uri, request.getHeaderString("Authorization")),
                        Instant.now().plus(wait), (a, b) -> a.isAfter(b) ? a : b));
    }

    /** How long the provider at {@code baseUrl} asked this key's calls to wait, from now; zero when it did not. */
    static Duration remaining(String baseUrl, String apiKey) {
        Instant until = NOT_BEFORE.getIfPresent(key(URI.create(baseUrl), apiKey == null ? null : "Bearer " + apiKey));
        if (until == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(Instant.now(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    static Optional<Duration> parse(String millis, String retryAfter, Instant now) {
        try {
            if (millis != null && !millis.isBlank()) {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(millis.trim())));
            }
            if (retryAfter == null || retryAfter.isBlank()) {
                return Optional.empty();
            }
            String value = retryAfter.trim();
            if (value.chars().allMatch(Character::isDigit)) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String key(URI uri, String authorization) {
        return (uri.getHost() == null ? "" : uri.getHost().toLowerCase()) + ":" + uri.getPort() + ":"
                + (authorization == null ? 0 : authorization.hashCode());
    }
}

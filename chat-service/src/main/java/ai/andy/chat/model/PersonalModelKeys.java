package ai.andy.chat.model;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ai.andy.chat.people.InternalApis;
import ai.andy.chat.people.ServiceToken;
import io.quarkus.logging.Log;

/**
 * A person's own OpenAI key, which they keep with Andy (auth-service's vault, {@code /api/me/keys}); their model calls
 * then go on their account. Kept in memory for a minute (its absence too), so a turn does not cost a call to
 * auth-service; never logged, never stored here.
 */
@ApplicationScoped
public class PersonalModelKeys {
    private static final Duration FRESH_FOR = Duration.ofMinutes(1);
    private static final int PEOPLE_KEPT = 10_000;

    private final InternalApis.Auth auth;
    private final ServiceToken token;
    private final Cache<String, Optional<String>> cache = Caffeine.newBuilder().expireAfterWrite(FRESH_FOR)
            .maximumSize(PEOPLE_KEPT).build();

    PersonalModelKeys(@RestClient InternalApis.Auth auth, ServiceToken token) {
        this.auth = auth;
        this.token = token;
    }

    /** Blocking: call from a worker thread. */
    public Optional<String> openAiKey(String userId) {
        Optional<String> cached = cache.getIfPresent(userId);
        if (cached != null) {
            return cached;
        }
        Optional<String> key;
        try {
            InternalApis.Auth.Key found = auth.key(token.header(), userId, "openai");
            key = Optional.ofNullable(found == null ? null : found.value()).filter(v -> !v.isBlank());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                Log.warnf("could not read the person's own model key (HTTP %d); using Andy's", e.getResponse()
                        .getStatus());
                return Optional.empty();
            }
            key = Optional.empty();
        } catch (RuntimeException e) {
            Log.warnf("could not read the person's own model key; using Andy's: %s", e.getClass().getSimpleName());
            return Optional.empty();
        }
        cache.put(userId, key);
        return key;
    }
}

package ai.andy.chat.client;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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

    private final AuthClient auth;
    private final Cache<String, Optional<String>> cache = Caffeine.newBuilder().expireAfterWrite(FRESH_FOR)
            .maximumSize(PEOPLE_KEPT).build();

    PersonalModelKeys(AuthClient auth) {
        this.auth = auth;
    }

    /** Blocking: call from a worker thread. */
    public Optional<String> openAiKey(String userId) {
        Optional<String> cached = cache.getIfPresent(userId);
        if (cached != null) {
            return cached;
        }
        Optional<String> key;
        try {
            key = auth.key(userId, "openai");
        } catch (WebApplicationException e) {
            Log.warnf("could not read the person's own model key (HTTP %d); using Andy's", e.getResponse().getStatus());
            return Optional.empty();
        } catch (RuntimeException e) {
            Log.warnf("could not read the person's own model key; using Andy's: %s", e.getClass().getSimpleName());
            return Optional.empty();
        }
        cache.put(userId, key);
        return key;
    }
}

package ai.andy.chat.client;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ai.andy.chat.config.ChatConfig;
import io.quarkus.logging.Log;

/**
 * What chat needs from a person's profile at auth-service: their time zone and how long their chat history is kept.
 * Kept for a minute per person, so a turn does not cost a call; when auth-service cannot answer, UTC and the default
 * retention apply (the answer still names each time's offset).
 */
@ApplicationScoped
public class PersonProfiles {
    private static final Duration FRESH_FOR = Duration.ofMinutes(1);
    private static final int PEOPLE_KEPT = 10_000;
    private static final ZoneId UTC = ZoneId.of("UTC");

    public record Settings(ZoneId zone, Duration retention) {
    }

    private final AuthClient auth;
    private final Duration defaultRetention;
    private final Cache<String, Settings> cache = Caffeine.newBuilder().expireAfterWrite(FRESH_FOR)
            .maximumSize(PEOPLE_KEPT).build();

    PersonProfiles(AuthClient auth, ChatConfig config) {
        this.auth = auth;
        this.defaultRetention = config.defaultRetention();
    }

    /** Blocking: call from a worker thread. */
    public Settings of(String userId) {
        Settings cached = cache.getIfPresent(userId);
        if (cached != null) {
            return cached;
        }
        Settings settings;
        try {
            AuthClient.Profile profile = auth.profile(userId);
            ZoneId zone = profile.timezone() == null ? UTC : ZoneId.of(profile.timezone());
            Integer days = profile.chatRetentionDays();
            settings = new Settings(zone, days == null ? defaultRetention : Duration.ofDays(days));
        } catch (RuntimeException e) {
            Log.warnf("could not read the person's profile; using UTC and the default retention: %s",
                    e.getClass().getSimpleName());
            return new Settings(UTC, defaultRetention);
        }
        // Only answers are kept: when auth-service could not say, the next turn asks again.
        cache.put(userId, settings);
        return settings;
    }
}

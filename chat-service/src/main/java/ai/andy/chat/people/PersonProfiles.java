package ai.andy.chat.people;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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

    public record Settings(ZoneId zone, Duration retention) {
    }

    private final InternalApis.Auth auth;
    private final ServiceToken token;
    private final Duration defaultRetention;
    private final Cache<String, Settings> cache = Caffeine.newBuilder().expireAfterWrite(FRESH_FOR)
            .maximumSize(PEOPLE_KEPT).build();

    PersonProfiles(@RestClient InternalApis.Auth auth, ServiceToken token,
            @ConfigProperty(name = "andy.chat.default-retention", defaultValue = "30d") Duration defaultRetention) {
        this.auth = auth;
        this.token = token;
        this.defaultRetention = defaultRetention;
    }

    /** Blocking: call from a worker thread. */
    public Settings of(String userId) {
        Settings cached = cache.getIfPresent(userId);
        if (cached != null) {
            return cached;
        }
        Settings settings;
        try {
            InternalApis.Auth.Profile profile = auth.profile(token.header(), userId);
            ZoneId zone = profile.timezone() == null ? ZoneId.of("UTC") : ZoneId.of(profile.timezone());
            Integer days = profile.preferences() == null ? null : profile.preferences().chatRetentionDays();
            settings = new Settings(zone, days == null ? defaultRetention : Duration.ofDays(days));
        } catch (RuntimeException e) {
            Log.warnf("could not read the person's profile; using UTC and the default retention: %s",
                    e.getClass().getSimpleName());
            return new Settings(ZoneId.of("UTC"), defaultRetention);
        }
        // Only answers are kept: when auth-service could not say, the next turn asks again.
        cache.put(userId, settings);
        return settings;
    }
}

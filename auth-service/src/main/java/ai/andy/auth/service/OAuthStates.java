package ai.andy.auth.service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.config.OAuthConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * The one-time {@code state} of an authorization in progress, bound to the person who started it, with the PKCE
 * verifier that only the callback may use. Kept in Redis, where it expires by itself; taken with GETDEL, so a
 * replayed callback finds nothing.
 */
@ApplicationScoped
public class OAuthStates {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "andy:auth:oauth-state:";

    private final ReactiveValueCommands<String, String> values;
    private final OAuthConfig config;

    OAuthStates(ReactiveRedisDataSource redis, OAuthConfig config) {
        this.values = redis.value(String.class);
        this.config = config;
    }

    public record Pending(String state, String userId, String provider, String codeVerifier) {
    }

    public Uni<Pending> begin(String userId, String provider) {
        Pending pending = new Pending(random(32), userId, provider, random(48));
        return values.set(PREFIX + pending.state(), userId + "|" + provider + "|" + pending.codeVerifier(),
                new SetArgs().px(config.stateLifetime()).nx())
                .replaceWith(pending);
    }

    /** The pending authorization for this state, consumed: a second call with the same state gets nothing. */
    public Uni<Optional<Pending>> take(String state) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return Uni.createFrom().item(Optional.empty());
        }
        return values.getdel(PREFIX + state).map(value -> {
            if (value == null) {
                return Optional.<Pending> empty();
            }
            String[] parts = value.split("\\|", 3);
            return Optional.of(new Pending(state, parts[0], parts[1], parts[2]));
        });
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}

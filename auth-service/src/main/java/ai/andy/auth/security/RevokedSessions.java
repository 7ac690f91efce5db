package ai.andy.auth.security;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.config.AuthConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * The deny-list of ended sign-ins, in Redis, read by the gateway: an access token names its sign-in ({@code sid},
 * the refresh-token family), and once that sign-in is ended (logout, or a refresh token presented twice) its access
 * tokens stop working within seconds instead of living out their 15 minutes. An entry lives as long as the last
 * access token of that sign-in can, plus the allowed clock skew; then the tokens have expired anyway.
 * <p>
 * Key: {@code andy:session-revoked:<sid>} (value 1). The gateway reads this exact key (ai.andy.gateway.security).
 */
@ApplicationScoped
public class RevokedSessions {
    public static final String KEY_PREFIX = "andy:session-revoked:";
    private static final Duration SKEW = Duration.ofMinutes(1);

    private final ReactiveValueCommands<String, Long> values;
    private final Duration keepFor;

    RevokedSessions(ReactiveRedisDataSource redis, AuthConfig config) {
        this.values = redis.value(Long.class);
        this.keepFor = config.accessTokenLifetime().plus(SKEW);
    }

    /**
     * Lists the sign-in as ended. A Redis failure is logged, not thrown: the refresh tokens are revoked in the
     * database regardless, and the access tokens then end at their expiry, as before this list existed.
     */
    public Uni<Void> revoke(UUID sessionId) {
        return values.set(KEY_PREFIX + sessionId, 1L, new SetArgs().px(keepFor))
                .onFailure().invoke(e -> Log.warnf("ended sign-in %s not put on the deny-list (its access tokens"
                        + " stay valid until they expire): %s", sessionId, e.toString()))
                .onFailure().recoverWithNull();
    }
}

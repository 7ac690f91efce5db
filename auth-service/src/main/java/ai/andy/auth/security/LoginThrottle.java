package ai.andy.auth.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.config.AuthConfig;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * Counts failed sign-ins per account and per client address in Redis, for a sliding-from-first-failure window.
 * Past the limit, sign-in is refused with 429 and Retry-After until the window ends, even with the right password:
 * guessing must not be able to tell when it succeeded. Keys hold a hash of the address, never the address itself.
 */
@ApplicationScoped
public class LoginThrottle {
    private final ReactiveValueCommands<String, Long> counters;
    private final ReactiveKeyCommands<String> keys;
    private final AuthConfig config;

    LoginThrottle(ReactiveRedisDataSource redis, AuthConfig config) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.config = config;
    }

    /** Fails with 429 when the account or the address has used up its failures. */
    public Uni<Void> check(String email, String clientAddress) {
        return blockedFor(accountKey(email)).chain(account -> blockedFor(addressKey(clientAddress)).map(address -> {
            long wait = Math.max(account, address);
            if (wait > 0) {
                throw new TooManyAttempts(wait);
            }
            return null;
        })).replaceWithVoid();
    }

    public Uni<Void> recordFailure(String email, String clientAddress) {
        return increment(accountKey(email)).chain(() -> increment(addressKey(clientAddress)));
    }

    /** A successful sign-in clears the account's count (not the address's: it may be guessing at others). */
    public Uni<Void> recordSuccess(String email) {
        return keys.del(accountKey(email)).replaceWithVoid();
    }

    private Uni<Long> blockedFor(String key) {
        return counters.get(key).chain(count -> count == null || count < config.maxLoginFailures()
                ? Uni.createFrom().item(0L)
                : keys.ttl(key).map(ttl -> Math.max(ttl, 1L)));
    }

    private Uni<Void> increment(String key) {
        Duration window = config.loginFailureWindow();
        return counters.incr(key).chain(count -> count == 1 ? keys.expire(key, window).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    private static String accountKey(String email) {
        return "andy:auth:login-failures:account:" + sha256(email.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String clientAddress) {
        return "andy:auth:login-failures:address:" + sha256(clientAddress);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 429 with the seconds to wait. */
    public static class TooManyAttempts extends ProblemException {
        private final long retryAfterSeconds;

        TooManyAttempts(long retryAfterSeconds) {
            super(429, "Too many attempts",
                    "Too many failed sign-ins. Try again in " + Math.max(1, (retryAfterSeconds + 59) / 60) + " minute(s).");
            this.retryAfterSeconds = retryAfterSeconds;
            header("Retry-After", String.valueOf(retryAfterSeconds));
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}

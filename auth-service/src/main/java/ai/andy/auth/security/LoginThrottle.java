package ai.andy.auth.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.config.AuthConfig;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * Slows password guessing without handing anyone a way to lock others out (counted in Redis, shared by instances).
 * <ul>
 * <li>Per account and address: after {@code free-failures} wrong passwords each further one makes the next attempt
 * from that address for that account wait, twice as long each time ({@code first-delay} up to {@code max-delay}).
 * Only that address for that account waits: failures for account A never hold up account B behind the same NAT.</li>
 * <li>Per account (any address) and per address (any account), much higher limits against guessing spread over many
 * addresses or many accounts. They refuse only addresses that are new to the account: a person signing in from an
 * address they have signed in from before (remembered for {@code known-address-for}) is not held up by what others
 * do.</li>
 * </ul>
 * A refused attempt is refused before the password is looked at, right or wrong, so guessing cannot tell when it
 * succeeded. Keys hold hashes of addresses and accounts, never the values themselves. Redis down: sign-in fails
 * (closed), since an unthrottled sign-in would invite guessing.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final String PREFIX = "andy:auth:login:";

    private final ReactiveValueCommands<String, Long> values;
    private final ReactiveKeyCommands<String> keys;
    private final AuthConfig.Login config;

    LoginThrottle(ReactiveRedisDataSource redis, AuthConfig config) {
        this.values = redis.value(Long.class);
        this.keys = redis.key();
        this.config = config.login();
    }

    /** Fails with 429 when this account may not be tried from this address yet. */
    public Uni<Void> check(String email, String clientAddress) {
        Keys k = new Keys(email, clientAddress);
        return unavailableWhenRedisFails(values.mget(k.pairWait, k.known, k.account, k.address)
                .chain(found -> found.get(k.pairWait) != null ? refuse(k.pairWait) : spreadLimits(k, found)));
    }

    public Uni<Void> recordFailure(String email, String clientAddress) {
        Keys k = new Keys(email, clientAddress);
        Duration window = config.window();
        return unavailableWhenRedisFails(values.incr(k.pairFailures)
                .call(count -> keys.pexpire(k.pairFailures, window))
                .call(count -> count > config.freeFailures()
                        ? values.set(k.pairWait, 1L, new SetArgs().px(delay(count)))
                        : Uni.createFrom().voidItem())
                .chain(() -> counted(k.account, window))
                .chain(() -> counted(k.address, window)));
    }

    /** Without Redis there is no throttle, and sign-in without one would invite guessing: a 503 saying so, no 500. */
    private static Uni<Void> unavailableWhenRedisFails(Uni<Void> step) {
        return step.onFailure(e -> !(e instanceof ProblemException)).transform(e -> new ProblemException(503,
                "Sign-in is briefly unavailable", "Andy cannot check sign-in attempts right now, so it does not take "
                        + "passwords for a moment. Try again in a minute.").header("Retry-After", "30"));
    }

    /** The address becomes one of the account's own; its own failures are forgotten (others' are not). */
    public Uni<Void> recordSuccess(String email, String clientAddress) {
        Keys k = new Keys(email, clientAddress);
        return keys.del(k.pairFailures, k.pairWait)
                .chain(() -> values.set(k.known, 1L, new SetArgs().px(config.knownAddressFor())));
    }

    private Uni<Void> spreadLimits(Keys k, Map<String, Long> found) {
        if (found.get(k.known) != null) {
            return Uni.createFrom().voidItem();
        }
        Long account = found.get(k.account);
        Long address = found.get(k.address);
        String over = account != null && account >= config.failuresPerAccount() ? k.account
                : address != null && address >= config.failuresPerAddress() ? k.address : null;
        if (over == null) {
            return Uni.createFrom().voidItem();
        }
        return refuse(over);
    }

    /** 429 for as long as the key lives (a key that expired just now still means "wait a second"). */
    private Uni<Void> refuse(String key) {
        return keys.pttl(key).onFailure().recoverWithItem(0L)
                .chain(ms -> Uni.createFrom().failure(new TooManyAttempts(ceilSeconds(ms))));
    }

    /** first-delay × 2^(failures beyond the free ones − 1), at most max-delay. */
    Duration delay(long failures) {
        long doublings = Math.min(30, failures - config.freeFailures() - 1);
        Duration wait = config.firstDelay().multipliedBy(1L << doublings);
        return wait.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : wait;
    }

    private Uni<Void> counted(String key, Duration window) {
        return values.incr(key).chain(count -> count == 1 ? keys.pexpire(key, window).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    private static long ceilSeconds(Long millis) {
        return millis == null || millis <= 0 ? 1 : Math.max(1, (millis + 999) / 1000);
    }

    private static final class Keys {
        final String pairFailures;
        final String pairWait;
        final String known;
        final String account;
        final String address;

        Keys(String email, String clientAddress) {
            String accountHash = sha256(email.trim().toLowerCase(Locale.ROOT));
            String addressHash = sha256(clientAddress);
            String pair = sha256(accountHash + "|" + addressHash);
            this.pairFailures = PREFIX + "pair-failures:" + pair;
            this.pairWait = PREFIX + "pair-wait:" + pair;
            this.known = PREFIX + "known:" + pair;
            this.account = PREFIX + "account-failures:" + accountHash;
            this.address = PREFIX + "address-failures:" + addressHash;
        }
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
            super(429, "Too many attempts", "Too many failed sign-ins. Try again in " + (retryAfterSeconds < 60
                    ? retryAfterSeconds + " s." : (retryAfterSeconds + 59) / 60 + " minute(s)."));
            this.retryAfterSeconds = retryAfterSeconds;
            header("Retry-After", String.valueOf(retryAfterSeconds));
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}

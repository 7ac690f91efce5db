package ai.andy.gateway.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How access tokens signed by auth-service are verified. Same {@code andy.auth.*} names as in the services, which
 * verify the same tokens again.
 */
@ConfigMapping(prefix = "andy.auth")
public interface AuthConfig {
    /** Expected {@code iss} claim. */
    @WithDefault("andy")
    String issuer();

    /** Expected {@code aud} claim. */
    @WithDefault("andy")
    String audience();

    /** auth-service's JWK Set of RSA public keys. */
    URI jwksUrl();

    /** Clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}. */
    @WithDefault("30s")
    Duration clockSkew();

    /** The key set is refreshed this often even when every {@code kid} is known (rotation ahead of use). */
    @WithDefault("10m")
    Duration jwksRefreshEvery();

    /**
     * A token with an unknown {@code kid} triggers one refetch of the key set, at most this often: forged tokens with
     * random key ids must not turn the gateway into a JWKS flood.
     */
    @WithDefault("30s")
    Duration jwksMinRefetchInterval();

    /** Verified tokens remembered (until they expire) so a signature is checked once per token, not per request. */
    @WithDefault("10000")
    int verifiedTokenCacheSize();

    /**
     * How long the gateway remembers whether a sign-in has ended (auth-service's deny-list in Redis) before asking
     * Redis again: the longest a signed-out session's access token keeps working here.
     */
    @WithDefault("2s")
    Duration revocationCheckEvery();

    /** How long to wait for Redis on that check before letting the token through (the check fails open). */
    @WithDefault("250ms")
    Duration revocationRedisTimeout();
}

package ai.andy.auth.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "andy.auth")
public interface AuthConfig {
    /** Issuer ({@code iss}) of every token (ANDY_JWT_ISSUER). */
    String issuer();

    /** Where other services fetch the public keys; auth-service serves them and uses its own store. */
    Optional<String> jwksUrl();

    /** How often each instance checks whether the signing key is due for rotation, and reloads the keys. */
    @WithDefault("60s")
    Duration keyCheckInterval();

    /** Lifetime of an access token; at most 15 minutes. */
    @WithDefault("15m")
    Duration accessTokenLifetime();

    /** Lifetime of a refresh token. */
    @WithDefault("30d")
    Duration refreshTokenLifetime();

    /** Lifetime of a service token obtained with client credentials. */
    @WithDefault("10m")
    Duration serviceTokenLifetime();

    /** How long a signing key signs before a new one replaces it. */
    @WithDefault("30d")
    Duration keyRotationPeriod();

    /** How long a new key is published before it signs, so every instance and service has fetched it. */
    @WithDefault("2m")
    Duration signingGrace();

    /** Failed logins per account, and per client address, tolerated within {@link #loginFailureWindow()}. */
    @WithDefault("5")
    int maxLoginFailures();

    @WithDefault("15m")
    Duration loginFailureWindow();

    /**
     * Andy's own services allowed to obtain service tokens, as {@code name:secret} pairs separated by commas
     * (ANDY_SERVICE_CLIENTS). A secret, so only ever from the environment.
     */
    Optional<String> serviceClients();
}

package ai.andy.auth.config;

import java.time.Duration;
import java.util.List;
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

    /** Sign-in throttling ({@code andy.auth.login.*}); see {@link ai.andy.auth.security.LoginThrottle}. */
    Login login();

    /**
     * Addresses or CIDR blocks of the proxies in front of auth-service, i.e. the gateway (ANDY_TRUSTED_PROXIES). The
     * client is the right-most address in {@code X-Forwarded-For} that is not one of them; from an untrusted peer
     * the header is ignored.
     */
    @WithDefault("127.0.0.1/32,::1/128")
    List<String> trustedProxies();

    interface Login {
        /** Wrong passwords for one account from one address before each further one makes the next attempt wait. */
        @WithDefault("3")
        int freeFailures();

        /** The first wait; each further failure doubles it, up to {@link #maxDelay()}. */
        @WithDefault("1s")
        Duration firstDelay();

        @WithDefault("15m")
        Duration maxDelay();

        /**
         * Failures for one account from any address within {@link #window()} after which only addresses the person
         * has signed in from before may still sign in (a guess spread over many addresses).
         */
        @WithDefault("20")
        int failuresPerAccount();

        /**
         * Failures from one address, for any accounts, within {@link #window()} after which addresses that are new
         * to the account are refused. Far above the per-account figures: many people may share an address (NAT).
         */
        @WithDefault("200")
        int failuresPerAddress();

        /** How long failures are counted. */
        @WithDefault("15m")
        Duration window();

        /** How long an address a person signed in from is remembered as theirs. */
        @WithDefault("90d")
        Duration knownAddressFor();
    }

    /**
     * Andy's own services allowed to obtain service tokens, as {@code name:secret} pairs separated by commas
     * (ANDY_SERVICE_CLIENTS). A secret, so only ever from the environment.
     */
    Optional<String> serviceClients();
}

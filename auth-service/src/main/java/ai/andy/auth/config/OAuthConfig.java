package ai.andy.auth.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The OAuth 2.0 providers people connect accounts from. Endpoints default to the real ones (application.properties). */
@ConfigMapping(prefix = "andy.oauth")
public interface OAuthConfig {
    /** Where the browser returns after connecting, and where it lands afterwards (ANDY_PUBLIC_URL). */
    URI publicUrl();

    /** How long an authorization may take before its state expires. */
    @WithDefault("10m")
    Duration stateLifetime();

    /** Refresh an access token when it expires within this margin. */
    @WithDefault("5m")
    Duration refreshMargin();

    /** Refresh every active connection at least this often, so unused grants do not lapse. */
    @WithDefault("20h")
    Duration keepAliveAge();

    Provider google();

    Provider microsoft();

    interface Provider {
        /** OAuth client id (ANDY_GOOGLE_CLIENT_ID / ANDY_MICROSOFT_CLIENT_ID); absent = this provider is off. */
        Optional<String> clientId();

        /** OAuth client secret, from the environment only. */
        Optional<String> clientSecret();

        URI authorizeUrl();

        URI tokenUrl();

        /** Token revocation endpoint, where the provider has one. */
        Optional<URI> revokeUrl();

        /** Where the connected account's address is read. */
        URI accountUrl();

        /** Space-separated scopes requested. */
        String scopes();
    }
}

package ai.andy.email.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * email-service's own settings, all under {@code andy.email} (application.properties maps each to an {@code ANDY_*}
 * environment variable). The database, vault and auth settings belong to libs/andy-runtime and are not repeated here.
 */
@ConfigMapping(prefix = "andy.email")
public interface EmailConfig {

    Gmail gmail();

    Graph graph();

    /** How often mailboxes without working push are polled (the {@code @Scheduled} job reads it too). */
    @WithDefault("2m")
    Duration pollInterval();

    /** Threads syncing mailboxes at once (provider SDKs block). */
    @WithDefault("4")
    int syncThreads();

    /** How long a fetched provider body stays in Redis, sealed; never more than an hour. */
    @WithDefault("1h")
    Duration bodyCacheTtl();

    /** How often counted provider usage is published as usage.recorded (the {@code @Scheduled} job reads it). */
    @WithDefault("5s")
    Duration usageFlushInterval();

    interface Gmail {
        /** Root of the Gmail API (Google's host; tests and benchmarks point it at a fake). */
        @WithDefault("https://gmail.googleapis.com/")
        String rootUrl();

        /** Gmail quota units per person per second, shared by all instances through Redis (Gmail allows 250). */
        @WithDefault("200")
        int quotaUnitsPerSecond();

        Push push();

        interface Push {
            /** The Pub/Sub topic Gmail's watch() publishes to; push is off without it. */
            Optional<String> topic();

            /** The secret token in the push subscription's URL ({@code /api/email/push/gmail?token=...}). */
            Optional<String> token();
        }
    }

    interface Graph {
        /** Microsoft Graph's base URL, ending in /v1.0 or /beta. */
        @WithDefault("https://graph.microsoft.com/v1.0")
        String baseUrl();

        /** Public URL of /api/email/push/graph through the gateway; Graph push is off without it. */
        Optional<String> notificationUrl();
    }
}

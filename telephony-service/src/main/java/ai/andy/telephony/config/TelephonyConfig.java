package ai.andy.telephony.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** telephony-service's settings ({@code andy.telephony.*}); secrets come from the environment only. */
@ConfigMapping(prefix = "andy.telephony")
public interface TelephonyConfig {

    /** Region assumed for numbers written without a country code (ISO 3166 code, e.g. US, GB, FR). */
    @WithDefault("US")
    String defaultRegion();

    /**
     * The public base URL Twilio reaches this service at (through the gateway), e.g. https://andy.example.com.
     * Webhook signatures are checked over this URL plus the path, never over forwarded headers.
     */
    String webhookBaseUrl();

    /** Per-person daily limits. */
    Limits limits();

    /** The real carrier; without an account SID and auth token every person uses the simulated carrier. */
    Twilio twilio();

    /** The simulated carrier. */
    Simulator simulator();

    interface Limits {
        /** Texts a person may send per day (UTC). */
        @WithDefault("50")
        int smsPerDay();

        /** Calls a person may place per day (UTC). */
        @WithDefault("20")
        int callsPerDay();
    }

    interface Twilio {
        /** Twilio account SID (AC...). */
        Optional<String> accountSid();

        /** Twilio auth token: signs webhooks and authenticates API calls. */
        Optional<String> authToken();

        /** Base URL of Twilio's REST API; tests and benchmarks point it at a fake. */
        @WithDefault("https://api.twilio.com")
        String baseUrl();

        /** The Twilio number texts and calls are sent from when a person has no line of their own (E.164). */
        Optional<String> fromNumber();

        /**
         * People's own Twilio numbers, as {@code userId=+E164} pairs: calls and texts to such a number reach that
         * person, and their texts and calls go out from it. Assigned at start; a number moves to its new owner.
         */
        Optional<java.util.List<String>> lines();
    }

    interface Simulator {
        /**
         * The auth token simulated webhooks are signed with. Random per process when unset, which is enough: the
         * simulator signs and the webhook checks inside the same process.
         */
        Optional<String> authToken();
    }
}

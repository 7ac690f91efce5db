package ai.andy.chat.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Conversations, turns and pending actions ({@code andy.chat.*}). */
@ConfigMapping(prefix = "andy.chat")
public interface ChatConfig {

    /** How long chat history is kept for a person who set no retention of their own (auth-service preferences). */
    @WithDefault("30d")
    Duration defaultRetention();

    /** How often expired history, lapsed actions and old Idempotency-Keys are purged. */
    @WithDefault("15m")
    Duration retentionInterval();

    /** How long a turn waits for a service's answer to a read-only intent. */
    @WithDefault("10s")
    Duration intentTimeout();

    /** How long a prepared action can be confirmed. */
    @WithDefault("15m")
    Duration actionTtl();

    /** How long decided and lapsed actions are kept after their expiry, for the person to look back on. */
    @WithDefault("1d")
    Duration keepDecidedActions();
}

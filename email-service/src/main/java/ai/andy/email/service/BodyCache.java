package ai.andy.email.service;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


import com.fasterxml.jackson.databind.ObjectMapper;

import ai.andy.email.config.EmailConfig;
import ai.andy.email.provider.MessageContent;
import ai.andy.runtime.crypto.Vault;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;

/**
 * Provider bodies fetched on demand stay in Redis for at most an hour (configurable lower), sealed with the vault so a
 * Redis dump holds no mail in clear. A Redis outage only costs a provider round trip.
 */
@ApplicationScoped
public class BodyCache {
    private final ValueCommands<String, String> redis;
    private final Vault vault;
    private final ObjectMapper json;
    private final Duration ttl;

    BodyCache(RedisDataSource redis, Vault vault, ObjectMapper json, EmailConfig config) {
        Duration ttl = config.bodyCacheTtl();
        this.redis = redis.value(String.class);
        this.vault = vault;
        this.json = json;
        this.ttl = ttl.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : ttl;
    }

    public Optional<MessageContent> get(UUID messageId) {
        try {
            String cached = redis.get(key(messageId));
            if (cached == null) {
                return Optional.empty();
            }
            byte[] plain = vault.open(Base64.getDecoder().decode(cached), key(messageId));
            return Optional.of(json.readValue(plain, MessageContent.class));
        } catch (Exception e) {
            Log.debugf("body cache unavailable: %s", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    public void put(UUID messageId, MessageContent content) {
        try {
            byte[] sealed = vault.seal(json.writeValueAsBytes(content), key(messageId)).ciphertext();
            redis.set(key(messageId), Base64.getEncoder().encodeToString(sealed), new SetArgs().px(ttl));
        } catch (Exception e) {
            Log.debugf("body cache unavailable: %s", e.getClass().getSimpleName());
        }
    }

    public void evict(UUID messageId) {
        try {
            redis.getdel(key(messageId));
        } catch (Exception e) {
            Log.debugf("body cache unavailable: %s", e.getClass().getSimpleName());
        }
    }

    private static String key(UUID messageId) {
        return "email:body:" + messageId;
    }
}

package ai.andy.voice.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.voice.config.VoiceConfig;
import io.quarkus.logging.Log;

/**
 * Audio URLs anyone holding them may fetch for a few minutes (Twilio, an audio element), without a person's token:
 * HMAC-SHA256 over the rendering id and the expiry, so neither can be changed.
 */
@ApplicationScoped
public class SignedUrls {
    public record Signed(String url, Instant expiresAt) {
    }

    private final VoiceConfig.Urls config;
    private final byte[] key;
    private final Clock clock;

    SignedUrls(VoiceConfig config) {
        this.config = config.urls();
        this.clock = Clock.systemUTC();
        String configured = this.config.signingKey().filter(k -> !k.isBlank()).orElse(null);
        if (configured != null && configured.length() < 32) {
            throw new IllegalStateException("ANDY_VOICE_URL_KEY must be at least 32 characters long");
        }
        if (configured == null) {
            Log.warn("ANDY_VOICE_URL_KEY is not set: audio URLs are signed with a key made at start, so they only "
                    + "work on this instance and until it restarts");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.key = random;
        } else {
            this.key = configured.getBytes(StandardCharsets.UTF_8);
        }
    }

    public Signed sign(UUID renderingId) {
        Instant expires = clock.instant().plus(config.lifetime()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String url = config.publicBaseUrl().replaceAll("/+$", "") + "/api/voice/audio/" + renderingId + "?expires="
                + expires.getEpochSecond() + "&signature=" + signature(renderingId, expires.getEpochSecond());
        return new Signed(url, expires);
    }

    /** True when the signature matches this id and expiry, and the expiry has not passed. */
    public boolean valid(UUID renderingId, long expires, String signature) {
        if (signature == null || clock.instant().getEpochSecond() > expires) {
            return false;
        }
        return MessageDigest.isEqual(signature(renderingId, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(UUID id, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] tag = mac.doFinal((id + "." + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}

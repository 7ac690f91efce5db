package ai.andy.telephony.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import ai.andy.runtime.crypto.Vault;
import ai.andy.telephony.repository.Markers;
import io.quarkus.runtime.StartupEvent;

/**
 * Personal data at rest: texts, numbers, transcripts sealed with the vault, each bound to its owner, row and purpose.
 * Numbers are also found by a keyed hash (HMAC-SHA256), whose key is generated once and kept sealed in the database,
 * so a dump of the tables reveals neither the numbers nor a way to test guesses against them.
 */
@ApplicationScoped
public class Sealing {
    private static final String HASH_KEY = "numbers";
    private final Vault vault;
    private final Markers markers;
    private volatile byte[] hashKey;

    Sealing(Vault vault, Markers markers) {
        this.vault = vault;
        this.markers = markers;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        hashKey = loadKey();
    }

    public byte[] seal(String text, String userId, Object rowId, String purpose) {
        return vault.seal(text, ad(userId, rowId, purpose)).ciphertext();
    }

    public String open(byte[] sealed, String userId, Object rowId, String purpose) {
        return sealed == null ? null : vault.openString(sealed, ad(userId, rowId, purpose));
    }

    /** The keyed hash of an E.164 number, for look-ups and threads. */
    public String numberHash(String e164) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] loadKey() {
        String ad = "telephony-service/hash_key/" + HASH_KEY;
        byte[] sealed = Db.read(() -> markers.hashKey(HASH_KEY));
        if (sealed == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Db.write(() -> markers.offerHashKey(HASH_KEY, vault.seal(fresh, ad).ciphertext()));
            sealed = Db.read(() -> markers.hashKey(HASH_KEY));
        }
        return vault.open(sealed, ad);
    }

    private static String ad(String userId, Object rowId, String purpose) {
        return "telephony-service/" + userId + "/" + rowId + "/" + purpose;
    }
}

package ai.andy.runtime.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Encrypts secrets and personal data at rest with Google Tink: AES-256-GCM, a random 96-bit nonce per message, and
 * associated data that binds each ciphertext to its owner and place (person + row + purpose), so a ciphertext copied
 * into another row does not decrypt. Each ciphertext records the id of the key that sealed it; rotating means adding a
 * new primary key to the keyset (old ciphertexts still open), rewrapping, then dropping the old key.
 */
@ApplicationScoped
public class Vault {
    private final VaultConfig config;
    private volatile Keys keys;

    Vault(VaultConfig config) {
        this.config = config;
    }

    /** A sealed value: the ciphertext (with Tink's key-id prefix) and, for queries, the id of the key that sealed it. */
    public record Sealed(byte[] ciphertext, int keyId) {
    }

    private record Keys(KeysetHandle handle, Aead aead) {
    }

    void onStart(@Observes @Priority(15) StartupEvent event) {
        if (config.required()) {
            keys();
        }
    }

    public Sealed seal(byte[] plaintext, String associatedData) {
        Keys current = keys();
        try {
            return new Sealed(current.aead().encrypt(plaintext, ad(associatedData)), current.handle().getPrimary().getId());
        } catch (GeneralSecurityException e) {
            throw new VaultException("encryption failed", e);
        }
    }

    public Sealed seal(String plaintext, String associatedData) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
    }

    /** Opens a ciphertext sealed with the same associated data by any key still in the keyset. */
    public byte[] open(byte[] ciphertext, String associatedData) {
        try {
            return keys().aead().decrypt(ciphertext, ad(associatedData));
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot decrypt: wrong place, tampered, or sealed by a key no longer in the keyset", e);
        }
    }

    public String openString(byte[] ciphertext, String associatedData) {
        return new String(open(ciphertext, associatedData), StandardCharsets.UTF_8);
    }

    /** The key new ciphertexts are sealed with; rows sealed by another key are due for rewrapping. */
    public int primaryKeyId() {
        return keys().handle().getPrimary().getId();
    }

    /** Drops the loaded keyset, so the next use reads the configured one again (after an operator rotated it). */
    public void reload() {
        keys = null;
    }

    private Keys keys() {
        Keys loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                loaded = keys;
            }
        }
        return loaded;
    }

    private Keys load() {
        try {
            AeadConfig.register();
            String json = config.keyset().filter(k -> !k.isBlank()).orElseGet(this::keysetFromFile);
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            return new Keys(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new VaultException("the vault keyset is not a valid Tink AEAD keyset", e);
        }
    }

    private String keysetFromFile() {
        Path file = config.keysetFile().orElseThrow(() -> new VaultException(
                "no vault keyset: set ANDY_VAULT_KEYSET (Tink JSON keyset) or ANDY_VAULT_KEYSET_FILE", null));
        try {
            if (Files.exists(file)) {
                return Files.readString(file);
            }
            if (!config.createKeysetIfMissing()) {
                throw new VaultException("vault keyset file " + file + " does not exist", null);
            }
            return createKeyset(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the vault keyset " + file, e);
        }
    }

    private static String createKeyset(Path file) throws IOException {
        try {
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, json);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the directory's own protection applies
            }
            Log.infof("created a new vault keyset in %s", file);
            return json;
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot generate a keyset", e);
        }
    }

    private static byte[] ad(String associatedData) {
        return associatedData.getBytes(StandardCharsets.UTF_8);
    }

    public static class VaultException extends RuntimeException {
        public VaultException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

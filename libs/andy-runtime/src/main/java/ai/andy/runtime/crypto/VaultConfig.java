package ai.andy.runtime.crypto;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where a service's data-encryption keyset comes from. */
@ConfigMapping(prefix = "andy.vault")
public interface VaultConfig {
    /** The keyset as Tink JSON (ANDY_VAULT_KEYSET); a secret, so from the environment (a Kubernetes Secret). */
    Optional<String> keyset();

    /** Or a file holding it (ANDY_VAULT_KEYSET_FILE); used when {@link #keyset()} is not set. */
    Optional<Path> keysetFile();

    /**
     * Create a new keyset in {@link #keysetFile()} when the file does not exist (ANDY_VAULT_CREATE_KEYSET_IF_MISSING).
     * For a single machine ({@code ./andy up}); off by default so that a lost secret is never silently replaced.
     */
    @WithDefault("false")
    boolean createKeysetIfMissing();

    /** Check the keyset at start, so a service that needs it refuses to start without it. */
    @WithDefault("false")
    boolean required();
}

package ai.andy.auth.service;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.Connection;
import ai.andy.auth.UserKey;
import ai.andy.auth.security.SigningKeys;
import ai.andy.runtime.crypto.Vault;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;

/**
 * After an operator adds a new primary key to the vault keyset, re-seals everything auth-service keeps sealed
 * (signing keys, connection tokens, people's provider keys) under it, so the old key can then be removed.
 */
@ApplicationScoped
public class VaultRewrap {
    private final Vault vault;
    private final SigningKeys signingKeys;

    VaultRewrap(Vault vault, SigningKeys signingKeys) {
        this.vault = vault;
        this.signingKeys = signingKeys;
    }

    /** Rows re-sealed, all kinds together. */
    public Uni<Integer> rewrapAll() {
        int primary = vault.primaryKeyId();
        return signingKeys.rewrap()
                .chain(keys -> rewrapConnections(primary).map(connections -> keys + connections))
                .chain(sofar -> rewrapUserKeys(primary).map(userKeys -> sofar + userKeys))
                .invoke(count -> {
                    if (count > 0) {
                        Log.infof("re-sealed %d rows under vault key %d", count, primary);
                    }
                });
    }

    @Scheduled(every = "${andy.vault.rewrap-interval:1h}", delayed = "1m", concurrentExecution = ConcurrentExecution.SKIP,
                skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return rewrapAll().replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("vault rewrap failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Integer> rewrapConnections(int primary) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createSelectionQuery("from Connection where vaultKeyId <> :primary", Connection.class)
                .setParameter("primary", primary).getResultList())
                .map(rows -> (int) rows.stream().filter(row -> attempt(() -> ConnectionTokens.reseal(vault, row))).count()));
    }

    private Uni<Integer> rewrapUserKeys(int primary) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createSelectionQuery("from UserKey where vaultKeyId <> :primary", UserKey.class)
                .setParameter("primary", primary).getResultList())
                .map(rows -> (int) rows.stream().filter(key -> attempt(() -> {
                    Vault.Sealed sealed = vault.seal(vault.open(key.secret, key.associatedData()), key.associatedData());
                    key.secret = sealed.ciphertext();
                    key.vaultKeyId = sealed.keyId();
                })).count()));
    }

    /** A row sealed by a vault key that was lost cannot be re-sealed; it is skipped, not allowed to stop the job. */
    private static boolean attempt(Runnable reseal) {
        try {
            reseal.run();
            return true;
        } catch (Vault.VaultException e) {
            Log.warnf("a row sealed by a vault key missing from the keyset was skipped: %s", e.getMessage());
            return false;
        }
    }
}

package ai.andy.auth.security;

import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

import ai.andy.auth.SigningKey;
import ai.andy.auth.config.AuthConfig;
import ai.andy.runtime.crypto.Vault;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The keys that sign access tokens, kept in the database so every auth-service instance signs with the same key,
 * and cached here. Rotation publishes a new key first and signs with it only after the signing grace; the previous key
 * stays published until every token it signed has expired, so nobody is signed out by a rotation.
 */
@ApplicationScoped
public class SigningKeys {
    /** Held by the transaction that rotates, so two instances never rotate at once. */
    private static final long ROTATION_LOCK = 0x616e6479L;

    private final AuthConfig config;
    private final Vault vault;
    private volatile Snapshot snapshot = new Snapshot(null, Map.of(), List.of());

    SigningKeys(AuthConfig config, Vault vault) {
        this.config = config;
        this.vault = vault;
    }

    /** Runs after the database is migrated (priority 10) and before messaging starts. */
    void onStart(@Observes @Priority(20) StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> rotateIfDue(OffsetDateTime.now()));
    }

    @Scheduled(every = "${andy.auth.key-check-interval:60s}", delayed = "30s",
            concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledRotation() {
        return rotateIfDue(OffsetDateTime.now())
                .onFailure().invoke(e -> Log.warnf("signing key check failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** The key new tokens are signed with. */
    public RsaJsonWebKey signer() {
        RsaJsonWebKey signer = snapshot.signer;
        if (signer == null) {
            throw new IllegalStateException("no signing key loaded yet");
        }
        return signer;
    }

    /** The public keys to publish: every key not yet retired. */
    public List<Map<String, Object>> publishedJwks() {
        return snapshot.publicJwks;
    }

    /** Verification keys for this service's own endpoints (/api/me ...), straight from the cache. */
    @Produces
    @Singleton
    VerificationKeyResolver localKeys() {
        return (jws, nested) -> {
            Key key = snapshot.publicKeys.get(jws.getKeyIdHeaderValue());
            if (key == null) {
                throw new UnresolvableKeyException("unknown key id");
            }
            return key;
        };
    }

    /**
     * Creates the first key, or a new one when the newest is older than the rotation period; schedules the old
     * keys' retirement; forgets keys retired over a day ago; then reloads the cache.
     */
    public Uni<Void> rotateIfDue(OffsetDateTime now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(" + ROTATION_LOCK + ")", Boolean.class)
                .getSingleResult()
                .chain(locked -> locked ? rotateLocked(now) : Uni.createFrom().voidItem())))
                .chain(() -> reload(now))
                .chain(() -> snapshot.signer != null ? Uni.createFrom().voidItem() : rotateNow(now));
    }

    /**
     * Re-seals private keys sealed by an older vault key under the current primary, so the old vault key can be
     * retired. Returns how many keys were rewrapped.
     */
    public Uni<Integer> rewrap() {
        int primary = vault.primaryKeyId();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createSelectionQuery("from SigningKey where vaultKeyId <> :primary", SigningKey.class)
                .setParameter("primary", primary).getResultList())
                .map(stale -> stale.stream().filter(key -> Snapshot.opens(vault, key)).peek(key -> {
                    Vault.Sealed sealed = vault.seal(vault.open(key.privateKey, key.associatedData()), key.associatedData());
                    key.privateKey = sealed.ciphertext();
                    key.vaultKeyId = sealed.keyId();
                }).count())
                .map(Long::intValue))
                .invoke(count -> {
                    if (count > 0) {
                        Log.infof("rewrapped %d signing keys under vault key %d", count, primary);
                    }
                });
    }

    /** Forces a rotation now (operators, and tests of rotation). */
    public Uni<Void> rotateNow(OffsetDateTime now) {
        return Panache.withTransaction(() -> addKey(now).chain(fresh -> retireAllBut(fresh, now)))
                .chain(() -> reload(now));
    }

    private Uni<Void> rotateLocked(OffsetDateTime now) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from SigningKey where retireAt is null order by createdAt desc", SigningKey.class)
                .setMaxResults(1).getResultList())
                .chain(newest -> {
                    boolean due = newest.isEmpty()
                            || newest.get(0).createdAt.plus(config.keyRotationPeriod()).isBefore(now);
                    Uni<Void> rotate = due ? addKey(now).chain(fresh -> retireAllBut(fresh, now)) : Uni.createFrom().voidItem();
                    return rotate.chain(() -> Panache.getSession().chain(session -> session
                            .createMutationQuery("delete from SigningKey where retireAt < :cutoff")
                            .setParameter("cutoff", now.minusDays(1)).executeUpdate()))
                            .replaceWithVoid();
                });
    }

    private Uni<SigningKey> addKey(OffsetDateTime now) {
        try {
            RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
            jwk.setKeyId(UUID.randomUUID().toString());
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse("sig");
            SigningKey key = new SigningKey();
            key.kid = jwk.getKeyId();
            Vault.Sealed sealed = vault.seal(jwk.getPrivateKey().getEncoded(), SigningKey.associatedData(key.kid));
            key.privateKey = sealed.ciphertext();
            key.vaultKeyId = sealed.keyId();
            key.publicJwk = jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            key.createdAt = now;
            Log.infof("new token signing key %s", key.kid);
            return Panache.getSession().chain(session -> session.persist(key)).replaceWith(key);
        } catch (JoseException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** Older keys stay published until the last token they may sign (during the grace) has expired. */
    private Uni<Void> retireAllBut(SigningKey fresh, OffsetDateTime now) {
        OffsetDateTime retireAt = now.plus(config.signingGrace()).plus(config.accessTokenLifetime()).plusMinutes(1);
        return Panache.getSession().chain(session -> session
                .createMutationQuery("update SigningKey set retireAt = :at where retireAt is null and kid <> :kid")
                .setParameter("at", retireAt).setParameter("kid", fresh.kid).executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Void> reload(OffsetDateTime now) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createSelectionQuery("from SigningKey where retireAt is null or retireAt > :now order by createdAt",
                        SigningKey.class)
                .setParameter("now", now).getResultList()))
                .invoke(keys -> snapshot = Snapshot.of(keys, now, config, vault))
                .replaceWithVoid();
    }

    private record Snapshot(RsaJsonWebKey signer, Map<String, Key> publicKeys, List<Map<String, Object>> publicJwks) {
        static Snapshot of(List<SigningKey> keys, OffsetDateTime now, AuthConfig config, Vault vault) {
            List<Map<String, Object>> jwks = new ArrayList<>();
            Map<String, PublicJsonWebKey> parsed = keys.stream()
                    .collect(Collectors.toMap(k -> k.kid, Snapshot::parse, (a, b) -> a, java.util.LinkedHashMap::new));
            parsed.values().forEach(jwk -> jwks.add(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
            // Sign with the newest key that has been published for the whole grace (the very first key at once), among
            // those the vault can still open: a key sealed under a vault key that was lost is never used again.
            List<SigningKey> usable = keys.stream().filter(k -> opens(vault, k)).toList();
            SigningKey signing = usable.stream()
                    .filter(k -> !k.createdAt.plus(config.signingGrace()).isAfter(now))
                    .max(Comparator.comparing((SigningKey k) -> k.createdAt))
                    .orElseGet(() -> usable.stream().max(Comparator.comparing((SigningKey k) -> k.createdAt)).orElse(null));
            RsaJsonWebKey signer = null;
            if (signing != null) {
                signer = (RsaJsonWebKey) parsed.get(signing.kid);
                signer.setPrivateKey(privateKey(vault.open(signing.privateKey, signing.associatedData())));
            }
            return new Snapshot(signer, parsed.values().stream()
                    .collect(Collectors.toMap(JsonWebKey::getKeyId, jwk -> (Key) jwk.getPublicKey())),
                    List.copyOf(jwks));
        }

        private static boolean opens(Vault vault, SigningKey key) {
            try {
                vault.open(key.privateKey, key.associatedData());
                return true;
            } catch (Vault.VaultException e) {
                Log.warnf("signing key %s was sealed by a vault key this keyset lacks; it will not sign again", key.kid);
                return false;
            }
        }

        private static PublicJsonWebKey parse(SigningKey key) {
            try {
                return PublicJsonWebKey.Factory.newPublicJwk(key.publicJwk);
            } catch (JoseException e) {
                throw new IllegalStateException("unreadable signing key " + key.kid, e);
            }
        }

        private static PrivateKey privateKey(byte[] pkcs8) {
            try {
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("unreadable private key", e);
            }
        }
    }
}

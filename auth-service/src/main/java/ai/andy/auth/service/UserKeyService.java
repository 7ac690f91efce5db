package ai.andy.auth.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.UserKey;
import ai.andy.runtime.crypto.Vault;
import ai.andy.runtime.problem.Problem.FieldError;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A person's own provider keys: written, never read back through the public API (only which exist and their last 4
 * characters); opened only for Andy's services through the internal endpoint.
 */
@ApplicationScoped
public class UserKeyService {
    public static final Set<String> KINDS = Set.of("openai", "elevenlabs", "twilio");
    private static final int MAX_LENGTH = 4096;

    private final Vault vault;

    UserKeyService(Vault vault) {
        this.vault = vault;
    }

    public record KeyView(String kind, String last4, OffsetDateTime updatedAt) {
    }

    public Uni<KeyView> put(String userId, String kind, String secret) {
        checkKind(kind);
        if (secret == null || secret.isBlank() || secret.length() > MAX_LENGTH) {
            throw ProblemException.badRequest("Send the key as {\"value\": \"...\"}.",
                    List.of(new FieldError("value", "required, at most " + MAX_LENGTH + " characters")));
        }
        String value = secret.trim();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .find(UserKey.class, new UserKey.Id(userId, kind))
                .chain(existing -> {
                    UserKey key = existing != null ? existing : new UserKey();
                    key.userId = userId;
                    key.kind = kind;
                    Vault.Sealed sealed = vault.seal(value, key.associatedData());
                    key.secret = sealed.ciphertext();
                    key.vaultKeyId = sealed.keyId();
                    key.last4 = value.length() <= 4 ? "" : value.substring(value.length() - 4);
                    key.updatedAt = OffsetDateTime.now();
                    return (existing != null ? Uni.createFrom().item(key) : session.persist(key).replaceWith(key))
                            .map(k -> new KeyView(k.kind, k.last4, k.updatedAt));
                })));
    }

    public Uni<List<KeyView>> list(String userId) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createSelectionQuery("from UserKey where userId = :user order by kind", UserKey.class)
                .setParameter("user", userId).getResultList()))
                .map(keys -> keys.stream().map(k -> new KeyView(k.kind, k.last4, k.updatedAt)).toList());
    }

    public Uni<Void> delete(String userId, String kind) {
        checkKind(kind);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createMutationQuery("delete from UserKey where userId = :user and kind = :kind")
                .setParameter("user", userId).setParameter("kind", kind).executeUpdate()))
                .map(deleted -> {
                    if (deleted == 0) {
                        throw ProblemException.notFound("You have no " + kind + " key stored.");
                    }
                    return null;
                });
    }

    /** For Andy's services: the key in clear. */
    public Uni<String> open(String userId, String kind) {
        checkKind(kind);
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .find(UserKey.class, new UserKey.Id(userId, kind))))
                .map(key -> {
                    if (key == null) {
                        throw ProblemException.notFound("This person has stored no " + kind + " key.");
                    }
                    return vault.openString(key.secret, key.associatedData());
                });
    }

    private static void checkKind(String kind) {
        if (!KINDS.contains(kind)) {
            throw ProblemException.notFound("Andy keeps openai, elevenlabs and twilio keys, not '" + kind + "'.");
        }
    }
}

package ai.andy.auth.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.RefreshToken;
import ai.andy.auth.config.AuthConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Refresh tokens with rotation and reuse detection: each refresh spends the presented token and issues the next one
 * of the same family. Presenting a spent token means two parties hold it, so the whole family is revoked and both
 * must sign in again. Callers run these inside a transaction.
 */
@ApplicationScoped
public class RefreshTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthConfig config;
    private final RevokedSessions revokedSessions;

    RefreshTokens(AuthConfig config, RevokedSessions revokedSessions) {
        this.config = config;
        this.revokedSessions = revokedSessions;
    }

    public enum Outcome {
        ROTATED, INVALID, REUSED
    }

    /**
     * What a refresh came to. Not an exception: a reuse must commit the family's revocation, and a failure would roll
     * the transaction back.
     */
    public record Rotation(Outcome outcome, String userId, UUID sessionId, String nextToken) {
        static Rotation refused(Outcome outcome) {
            return new Rotation(outcome, null, null, null);
        }
    }

    /** Starts a new family (a sign-in, whose id its access tokens carry as {@code sid}); returns the token. */
    public Uni<String> startFamily(String userId, UUID sessionId) {
        return issue(userId, sessionId);
    }

    public Uni<Rotation> rotate(String presented) {
        String hash = hash(presented);
        OffsetDateTime now = OffsetDateTime.now();
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from RefreshToken where tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", hash).getResultList())
                .chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(Rotation.refused(Outcome.INVALID));
                    }
                    RefreshToken token = found.get(0);
                    if (token.revokedAt != null || token.expiresAt.isBefore(now)) {
                        return Uni.createFrom().item(Rotation.refused(Outcome.INVALID));
                    }
                    // Spend it atomically: of two concurrent refreshes with one token, only one wins.
                    return Panache.getSession().chain(session -> session
                            .createMutationQuery("update RefreshToken set usedAt = :now where id = :id and usedAt is null")
                            .setParameter("now", now).setParameter("id", token.id).executeUpdate())
                            .chain(updated -> {
                                if (updated == 0) {
                                    Log.warnf("refresh token reuse detected; revoking its family %s", token.familyId);
                                    return revokeFamily(token.familyId).replaceWith(Rotation.refused(Outcome.REUSED));
                                }
                                return issue(token.userId, token.familyId)
                                        .map(next -> new Rotation(Outcome.ROTATED, token.userId, token.familyId, next));
                            });
                });
    }

    /** Ends the sign-in the token belongs to (logout). Unknown tokens are ignored: logout always succeeds. */
    public Uni<Void> revokeFamilyOf(String presented) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select familyId from RefreshToken where tokenHash = :hash", UUID.class)
                .setParameter("hash", hash(presented)).getResultList())
                .chain(families -> families.isEmpty() ? Uni.createFrom().voidItem() : revokeFamily(families.get(0)));
    }

    private Uni<Void> revokeFamily(UUID familyId) {
        return Panache.getSession().chain(session -> session
                .createMutationQuery("update RefreshToken set revokedAt = :now where familyId = :family and revokedAt is null")
                .setParameter("now", OffsetDateTime.now()).setParameter("family", familyId).executeUpdate())
                .chain(() -> revokedSessions.revoke(familyId));
    }

    private Uni<String> issue(String userId, UUID familyId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken row = new RefreshToken();
        row.id = UUID.randomUUID();
        row.familyId = familyId;
        row.userId = userId;
        row.tokenHash = hash(token);
        row.createdAt = OffsetDateTime.now();
        row.expiresAt = row.createdAt.plus(config.refreshTokenLifetime());
        return Panache.getSession().chain(session -> session.persist(row)).replaceWith(token);
    }

    /** Tokens carry 256 random bits, so a plain SHA-256 is enough to keep them useless if the table leaks. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}

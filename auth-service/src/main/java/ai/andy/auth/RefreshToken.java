package ai.andy.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One refresh token of a login's family; only its hash is kept. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {
    @Id
    public UUID id;
    @Column(name = "family_id")
    public UUID familyId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "used_at")
    public OffsetDateTime usedAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}

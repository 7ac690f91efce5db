package ai.andy.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Google or Microsoft account a person connected, with its sealed OAuth tokens. */
@Entity
@Table(name = "connection")
public class Connection {
    public static final String ACTIVE = "active";
    public static final String NEEDS_REAUTH = "needs_reauth";

    @Id
    public UUID id;
    @Column(name = "user_id")
    public String userId;
    public String provider;
    public String account;
    /** Space-separated, as granted. */
    public String scopes;
    public String status;
    @Column(name = "access_token")
    public byte[] accessToken;
    @Column(name = "refresh_token")
    public byte[] refreshToken;
    @Column(name = "vault_key_id")
    public int vaultKeyId;
    @Column(name = "access_expires_at")
    public OffsetDateTime accessExpiresAt;
    @Column(name = "last_refreshed_at")
    public OffsetDateTime lastRefreshedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    public long version;

    /** Binds a sealed token to this person, this connection and this provider: moved elsewhere, it does not open. */
    public String associatedData(String tokenKind) {
        return "auth-service/connection/" + userId + "/" + id + "/" + provider + "/" + tokenKind;
    }
}

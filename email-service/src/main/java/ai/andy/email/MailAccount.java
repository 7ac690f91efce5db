package ai.andy.email;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mailbox a person reads through Andy. */
@Entity
@Table(name = "mail_account")
public class MailAccount {
    @Id
    public UUID id;
    @Column(name = "user_id")
    public String userId;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(16)")
    public MailProviderKind provider;
    public String address;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    /** auth-service's connection holding this mailbox's tokens; null for the local mailbox. */
    @Column(name = "connection_id")
    public UUID connectionId;
    /** {@code active}, {@code needs_reauth} or {@code revoked}, as auth-service last said. */
    public String status = "active";
    @Column(name = "sync_phase")
    public String syncPhase = "idle";
    @Column(name = "sync_done")
    public int syncDone;
    @Column(name = "sync_total")
    public Integer syncTotal;
    @Column(name = "sync_cursor")
    public String syncCursor;
    @Column(name = "sync_error")
    public String syncError;
    @Column(name = "last_synced_at")
    public OffsetDateTime lastSyncedAt;
    @Column(name = "push_id")
    public String pushId;
    @Column(name = "push_secret")
    public String pushSecret;
    @Column(name = "push_expires_at")
    public OffsetDateTime pushExpiresAt;

    public static MailAccount connected(String userId, MailProviderKind provider, String address, UUID connectionId) {
        MailAccount account = new MailAccount();
        account.id = UUID.randomUUID();
        account.userId = userId;
        account.provider = provider;
        account.address = address;
        account.connectionId = connectionId;
        account.createdAt = OffsetDateTime.now();
        return account;
    }

    public static MailAccount local(String userId, String address, String displayName) {
        MailAccount account = new MailAccount();
        account.id = UUID.randomUUID();
        account.userId = userId;
        account.provider = MailProviderKind.local;
        account.address = address;
        account.displayName = displayName;
        account.createdAt = OffsetDateTime.now();
        return account;
    }
}

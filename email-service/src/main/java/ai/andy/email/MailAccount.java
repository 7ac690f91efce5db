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

package ai.andy.auth;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person with an Andy account. */
@Entity
@Table(name = "app_user")
public class User {
    @Id
    public String id;
    public String email;
    @Column(name = "display_name")
    public String displayName;
    public String timezone;
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

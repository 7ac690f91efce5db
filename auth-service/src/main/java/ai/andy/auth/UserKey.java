package ai.andy.auth;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A person's own credential for a provider (OpenAI, ElevenLabs, Twilio), sealed by the vault. */
@Entity
@Table(name = "user_key")
@IdClass(UserKey.Id.class)
public class UserKey {
    @jakarta.persistence.Id
    @Column(name = "user_id")
    public String userId;
    @jakarta.persistence.Id
    public String kind;
    public byte[] secret;
    public String last4;
    @Column(name = "vault_key_id")
    public int vaultKeyId;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public String associatedData() {
        return "auth-service/user_key/" + userId + "/" + kind;
    }

    public record Id(String userId, String kind) implements Serializable {
        public Id() {
            this(null, null);
        }
    }
}

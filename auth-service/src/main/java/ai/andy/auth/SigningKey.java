package ai.andy.auth;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An RSA key pair that signs access tokens. */
@Entity
@Table(name = "signing_key")
public class SigningKey {
    @Id
    public String kid;
    /** The PKCS#8 private key, sealed by the vault with {@link #associatedData()}. */
    @Column(name = "private_key")
    public byte[] privateKey;
    /** The vault key that sealed it; rows under an older key are rewrapped. */
    @Column(name = "vault_key_id")
    public int vaultKeyId;
    @Column(name = "public_jwk")
    public String publicJwk;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "retire_at")
    public OffsetDateTime retireAt;

    public String associatedData() {
        return associatedData(kid);
    }

    public static String associatedData(String kid) {
        return "auth-service/signing_key/" + kid;
    }
}

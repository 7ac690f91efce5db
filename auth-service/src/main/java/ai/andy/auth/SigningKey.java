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
    @Column(name = "private_key")
    public String privateKey;
    @Column(name = "public_jwk")
    public String publicJwk;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "retire_at")
    public OffsetDateTime retireAt;
}

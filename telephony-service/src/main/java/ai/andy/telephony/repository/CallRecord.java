package ai.andy.telephony.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One phone call, placed or received. The number and the purpose are sealed. */
@Entity
@Table(name = "call_record")
public class CallRecord {
    @Id
    public UUID id;
    @Column(name = "user_id")
    public String userId;
    public String direction;
    public String carrier;
    @Column(name = "provider_sid")
    public String providerSid;
    @Column(name = "peer_hash")
    public String peerHash;
    @Column(name = "peer_sealed")
    public byte[] peerSealed;
    @Column(name = "purpose_sealed")
    public byte[] purposeSealed;
    public String status;
    @Column(name = "status_rank")
    public int statusRank;
    @Column(name = "error_code")
    public Integer errorCode;
    @Column(name = "duration_seconds")
    public Integer durationSeconds;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

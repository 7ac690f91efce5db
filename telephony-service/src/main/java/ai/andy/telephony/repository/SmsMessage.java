package ai.andy.telephony.repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One text, sent or received. The number and the body are sealed (see V1); {@code peerHash} finds the thread. */
@Entity
@Table(name = "sms_message")
public class SmsMessage {
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
    @Column(name = "body_sealed")
    public byte[] bodySealed;
    public String status;
    @Column(name = "status_rank")
    public int statusRank;
    @Column(name = "error_code")
    public Integer errorCode;
    public BigDecimal price;
    @Column(name = "price_unit")
    public String priceUnit;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

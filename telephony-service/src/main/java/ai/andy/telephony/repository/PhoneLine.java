package ai.andy.telephony.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Andy's number for one person: where their callers and texters reach Andy. */
@Entity
@Table(name = "phone_line")
public class PhoneLine {
    @Id
    public UUID id;
    @Column(name = "user_id")
    public String userId;
    public String carrier;
    @Column(name = "number_hash")
    public String numberHash;
    @Column(name = "number_sealed")
    public byte[] numberSealed;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

package ai.andy.runtime.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event written in the same transaction as the state change it announces, waiting for the relay to publish it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    /** Also the CloudEvents id, so a row published twice (crash between send and mark) is deduplicated downstream. */
    @Id
    public UUID id;
    public String topic;
    @Column(name = "user_id")
    public String userId;
    public String payload;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}

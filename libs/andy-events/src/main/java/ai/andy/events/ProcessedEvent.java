package ai.andy.events;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * An event id a consumer has already applied. Written in the same transaction as the effect, so an event redelivered
 * after a crash or a rebalance is recognised and skipped. The table comes from this module's Flyway migration
 * ({@code db/andy-events}), which every service with a database lists in {@code quarkus.flyway.locations}.
 */
@Entity
@Table(name = "processed_event")
@IdClass(ProcessedEvent.Key.class)
public class ProcessedEvent {
    @Id
    public String consumer;
    @Id
    public String eventId;
    public OffsetDateTime processedAt;

    public record Key(String consumer, String eventId) implements java.io.Serializable {
        public Key() {
            this(null, null);
        }
    }
}

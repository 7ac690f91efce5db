package ai.andy.calendar;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reminder due at {@link #fireAt} for one event occurrence or one task's due time. */
@Entity
@Table(name = "reminder")
public class Reminder {
    @Id
    public UUID id;
    @Column(name = "user_id")
    public String userId;
    /** {@code event} or {@code task}. */
    public String kind;
    @Column(name = "item_id")
    public UUID itemId;
    /** The occurrence's start (events) or the due time (tasks). */
    @Column(name = "occurrence_start")
    public Instant occurrenceStart;
    @Column(name = "fire_at")
    public Instant fireAt;
    @Column(name = "fired_at")
    public Instant firedAt;
    /** {@code sent}, or {@code stale} when it was claimed too late to be of use. */
    public String outcome;
}

package ai.andy.calendar;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A to-do. Notes are personal text, sealed with the service's vault key. */
@Entity
@Table(name = "task")
public class Task {
    @Id
    public UUID id;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "list_id")
    public UUID listId;
    public String title;
    @Column(name = "notes_sealed")
    public byte[] notesSealed;
    @Column(name = "notes_key_id")
    public Integer notesKeyId;
    /** When it is due; with {@link #dueHasTime} false, the end of the due day in the person's zone. */
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "due_has_time")
    public boolean dueHasTime;
    /** {@code low}, {@code normal} or {@code high}. */
    public String priority = "normal";
    /** {@code open} or {@code done}. */
    public String status = "open";
    @Column(name = "completed_at")
    public Instant completedAt;
    public boolean demo;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean done() {
        return "done".equals(status);
    }

    public String notesContext() {
        return "task.notes:" + userId + ":" + id;
    }
}

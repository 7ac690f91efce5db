package ai.andy.calendar;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A list of tasks: today the built-in local one. */
@Entity
@Table(name = "task_list")
public class TaskList {
    @Id
    public UUID id;
    @Column(name = "user_id")
    public String userId;
    public String provider;
    public String name;
    public boolean demo;
    @Column(name = "created_at")
    public Instant createdAt;

    public static TaskList local(String userId, String name) {
        TaskList list = new TaskList();
        list.id = UUID.randomUUID();
        list.userId = userId;
        list.provider = "local";
        list.name = name;
        list.createdAt = Instant.now();
        return list;
    }
}

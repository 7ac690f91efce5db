package ai.andy.auth;

import java.time.LocalTime;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person with an Andy account. */
@Entity
@Table(name = "app_user")
public class User {
    @Id
    public String id;
    public String email;
    @Column(name = "display_name")
    public String displayName;
    public String timezone;
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "working_hours_start")
    public LocalTime workingHoursStart = LocalTime.of(9, 0);
    @Column(name = "working_hours_end")
    public LocalTime workingHoursEnd = LocalTime.of(17, 0);
    /** Comma-separated {@link java.time.DayOfWeek} names. */
    @Column(name = "working_days")
    public String workingDays = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY";
    @Column(name = "chat_retention_days")
    public int chatRetentionDays = 30;
}

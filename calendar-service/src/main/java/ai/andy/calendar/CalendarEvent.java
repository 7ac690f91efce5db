package ai.andy.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored event: a single event, the master of a recurring series ({@link #rrule} set), or an exception of a series
 * ({@link #seriesId} and {@link #originalStart} set: a moved instance, or a cancelled one). See V1__calendar.sql.
 */
@Entity
@Table(name = "calendar_event")
public class CalendarEvent {
    @Id
    public UUID id;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "calendar_id")
    public UUID calendarId;
    public String title;
    public String location;
    @Column(name = "description_sealed")
    public byte[] descriptionSealed;
    @Column(name = "description_key_id")
    public Integer descriptionKeyId;
    @Column(name = "start_at")
    public Instant startAt;
    @Column(name = "end_at")
    public Instant endAt;
    public String zone;
    @Column(name = "all_day")
    public boolean allDay;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    public String rrule;
    @Column(name = "series_until")
    public Instant seriesUntil;
    @Column(name = "series_id")
    public UUID seriesId;
    @Column(name = "original_start")
    public Instant originalStart;
    public String status = "confirmed";
    /** JSON array of {"name", "address"}. */
    public String attendees = "[]";
    @Column(name = "reminder_minutes")
    public Integer reminderMinutes;
    public boolean demo;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean cancelled() {
        return "cancelled".equals(status);
    }

    /** Associated data binding a sealed description to its person and row. */
    public String descriptionContext() {
        return "calendar_event.description:" + userId + ":" + id;
    }
}

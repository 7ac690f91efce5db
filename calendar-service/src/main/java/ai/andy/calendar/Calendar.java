package ai.andy.calendar;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A calendar a person has in Andy: today the built-in local one. */
@Entity
@Table(name = "calendar")
public class Calendar {
    @Id
    public UUID id;
    @Column(name = "user_id")
    public String userId;
    /** {@code local}, later {@code google} or {@code microsoft}. */
    public String provider;
    public String name;
    /** The IANA zone new events of this calendar are made in when none is given. */
    public String zone;
    public boolean demo;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Calendar local(String userId, String name, String zone) {
        Calendar calendar = new Calendar();
        calendar.id = UUID.randomUUID();
        calendar.userId = userId;
        calendar.provider = "local";
        calendar.name = name;
        calendar.zone = zone;
        calendar.createdAt = Instant.now();
        return calendar;
    }
}

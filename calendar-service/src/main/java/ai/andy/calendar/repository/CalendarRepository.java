package ai.andy.calendar.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.calendar.Calendar;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<Calendar, UUID> {

    public Uni<List<Calendar>> forUser(String userId) {
        return list("userId = ?1 order by createdAt, id", userId);
    }

    public Uni<Calendar> forUser(String userId, UUID id) {
        return find("userId = ?1 and id = ?2", userId, id).firstResult();
    }

    public Uni<Calendar> local(String userId) {
        return find("userId = ?1 and provider = 'local' order by createdAt", userId).firstResult();
    }

    public Uni<Long> deleteForUser(String userId) {
        return delete("userId", userId);
    }
}

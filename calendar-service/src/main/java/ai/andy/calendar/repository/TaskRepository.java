package ai.andy.calendar.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.calendar.Task;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    /** Which tasks a listing wants: status {@code open}, {@code done}, {@code overdue} or null for all. */
    public record Filter(String status, Instant dueBefore, Instant now) {
    }

    public Uni<Task> forUser(String userId, UUID id) {
        return find("userId = ?1 and id = ?2", userId, id).firstResult();
    }

    /** Open tasks first by due time (undated last), then done ones newest first. */
    public Uni<List<Task>> list(String userId, Filter filter) {
        List<String> where = new ArrayList<>(List.of("userId = :user"));
        Parameters params = Parameters.with("user", userId);
        if ("open".equals(filter.status())) {
            where.add("status = 'open'");
        } else if ("done".equals(filter.status())) {
            where.add("status = 'done'");
        } else if ("overdue".equals(filter.status())) {
            where.add("status = 'open' and dueAt < :now");
            params.and("now", filter.now());
        }
        if (filter.dueBefore() != null) {
            where.add("dueAt < :dueBefore");
            params.and("dueBefore", filter.dueBefore());
        }
        return list(String.join(" and ", where)
                + " order by status desc, dueAt asc nulls last, completedAt desc nulls last, createdAt, id", params);
    }

    public Uni<List<Task>> openDueBetween(Instant from, Instant until) {
        return list("status = 'open' and dueHasTime = true and dueAt > ?1 and dueAt < ?2", from, until);
    }

    public Uni<Long> deleteForUser(String userId) {
        return delete("userId", userId);
    }
}

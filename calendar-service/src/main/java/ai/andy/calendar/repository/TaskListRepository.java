package ai.andy.calendar.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.calendar.TaskList;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TaskListRepository implements PanacheRepositoryBase<TaskList, UUID> {

    public Uni<List<TaskList>> forUser(String userId) {
        return list("userId = ?1 order by createdAt, id", userId);
    }

    public Uni<TaskList> local(String userId) {
        return find("userId = ?1 and provider = 'local' order by createdAt", userId).firstResult();
    }

    public Uni<Long> deleteForUser(String userId) {
        return delete("userId", userId);
    }
}

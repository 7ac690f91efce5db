package ai.andy.auth.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.Connection;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Connections, always looked up together with their owner. */
@ApplicationScoped
public class ConnectionRepository implements PanacheRepositoryBase<Connection, UUID> {

    public Uni<List<Connection>> forUser(String userId) {
        return list("userId = ?1 order by createdAt", userId);
    }

    public Uni<Connection> owned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<Connection> byAccount(String userId, String provider, String account) {
        return find("userId = ?1 and provider = ?2 and lower(account) = lower(?3)", userId, provider, account)
                .firstResult();
    }

    public Uni<List<Connection>> dueForKeepAlive(OffsetDateTime refreshedBefore) {
        return list("status = 'active' and lastRefreshedAt < ?1", refreshedBefore);
    }
}

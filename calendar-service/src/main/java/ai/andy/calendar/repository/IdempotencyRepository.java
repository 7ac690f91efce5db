package ai.andy.calendar.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.calendar.IdempotentRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotentRequest, IdempotentRequest.Key> {

    /** What an earlier request with this key created, or null. */
    public Uni<IdempotentRequest> earlier(String userId, String key) {
        return find("userId = ?1 and idempotencyKey = ?2", userId, key).firstResult();
    }

    /**
     * Records the key inside the caller's transaction; true if this request is the first with it. A concurrent
     * request with the same key waits on the row and then sees it taken.
     */
    public Uni<Boolean> claim(String userId, String key, String operation, UUID resultId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into idempotent_request (user_id, idempotency_key, operation, result_id, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, userId).setParameter(2, key).setParameter(3, operation)
                .setParameter(4, resultId).setParameter(5, Instant.now())
                .executeUpdate()).map(n -> n == 1);
    }

    public Uni<Long> deleteForUser(String userId) {
        return delete("userId", userId);
    }
}

package ai.andy.telephony.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Calls; every read names its owner. */
@ApplicationScoped
public class CallRepository implements PanacheRepositoryBase<CallRecord, UUID> {

    public Uni<CallRecord> owned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<CallRecord> byIdempotencyKey(String userId, String key) {
        return find("userId = ?1 and idempotencyKey = ?2", userId, key).firstResult();
    }

    public Uni<CallRecord> bySid(String sid) {
        return find("providerSid", sid).firstResult();
    }

    public Uni<Long> placedSince(String userId, OffsetDateTime since) {
        return count("userId = ?1 and direction = 'outbound' and createdAt >= ?2", userId, since);
    }

    /** Forward-only, as for texts: a late or repeated status callback changes nothing. */
    public Uni<Integer> advance(UUID id, String status, int rank, Integer durationSeconds) {
        return update("status = ?1, statusRank = ?2, durationSeconds = coalesce(?3, durationSeconds), updatedAt = ?4"
                + " where id = ?5 and statusRank < ?2", status, rank, durationSeconds, OffsetDateTime.now(), id);
    }

    public Uni<List<CallRecord>> page(String userId, Page page) {
        return page.first()
                ? find("userId = ?1 order by createdAt desc, id desc", userId).page(0, page.limit()).list()
                : find("userId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                        userId, page.before(), page.beforeId()).page(0, page.limit()).list();
    }

    /** Newest first, optionally only with one number, only since a time, only incoming. */
    public Uni<List<CallRecord>> recent(String userId, String peerHash, OffsetDateTime since, boolean inboundOnly,
            int limit) {
        StringBuilder q = new StringBuilder("userId = :user");
        var params = io.quarkus.panache.common.Parameters.with("user", userId);
        if (peerHash != null) {
            q.append(" and peerHash = :peer");
            params.and("peer", peerHash);
        }
        if (since != null) {
            q.append(" and createdAt >= :since");
            params.and("since", since);
        }
        if (inboundOnly) {
            q.append(" and direction = 'inbound'");
        }
        return find(q + " order by createdAt desc, id desc", params).page(0, limit).list();
    }

    public Uni<Long> purge(String userId) {
        return delete("userId", userId);
    }
}

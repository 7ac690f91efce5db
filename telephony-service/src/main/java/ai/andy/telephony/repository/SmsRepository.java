package ai.andy.telephony.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Texts; every read names its owner. */
@ApplicationScoped
public class SmsRepository implements PanacheRepositoryBase<SmsMessage, UUID> {

    public Uni<SmsMessage> owned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<SmsMessage> byIdempotencyKey(String userId, String key) {
        return find("userId = ?1 and idempotencyKey = ?2", userId, key).firstResult();
    }

    public Uni<SmsMessage> bySid(String sid) {
        return find("providerSid", sid).firstResult();
    }

    public Uni<Long> sentSince(String userId, OffsetDateTime since) {
        return count("userId = ?1 and direction = 'outbound' and createdAt >= ?2", userId, since);
    }

    /**
     * Moves a message's status forward only: a callback that arrives late or twice (rank not higher than the
     * current one) changes nothing. Returns how many rows moved (0 or 1).
     */
    public Uni<Integer> advance(UUID id, String status, int rank, Integer errorCode) {
        return update("status = ?1, statusRank = ?2, errorCode = coalesce(?3, errorCode), updatedAt = ?4"
                + " where id = ?5 and statusRank < ?2", status, rank, errorCode, OffsetDateTime.now(), id);
    }

    public Uni<List<SmsMessage>> thread(String userId, String peerHash, Page page) {
        return page.first()
                ? find("userId = ?1 and peerHash = ?2 order by createdAt desc, id desc", userId, peerHash)
                        .page(0, page.limit()).list()
                : find("userId = ?1 and peerHash = ?2 and (createdAt < ?3 or (createdAt = ?3 and id < ?4))"
                        + " order by createdAt desc, id desc", userId, peerHash, page.before(), page.beforeId())
                        .page(0, page.limit()).list();
    }

    /** The newest message of each conversation, newest conversation first. */
    @SuppressWarnings("unchecked")
    public Uni<List<SmsMessage>> threads(String userId, Page page) {
        String latest = "select distinct on (peer_hash) * from sms_message where user_id = :user"
                + " order by peer_hash, created_at desc, id desc";
        String sql = "select * from (" + latest + ") t"
                + (page.first() ? "" : " where (t.created_at, t.id) < (:before, :beforeId)")
                + " order by t.created_at desc, t.id desc limit :limit";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, SmsMessage.class)
                    .setParameter("user", userId).setParameter("limit", page.limit());
            if (!page.first()) {
                query.setParameter("before", page.before()).setParameter("beforeId", page.beforeId());
            }
            return query.getResultList();
        });
    }

    /** Newest first, optionally only with one number and only since a time. */
    public Uni<List<SmsMessage>> recent(String userId, String peerHash, OffsetDateTime since, int limit) {
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
        return find(q + " order by createdAt desc, id desc", params).page(0, limit).list();
    }

    public Uni<Long> purge(String userId) {
        return delete("userId", userId);
    }
}

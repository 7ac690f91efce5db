package ai.andy.telephony.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The small tables without entities: opt-outs, webhook receipts and the sealed hash key. */
@ApplicationScoped
public class Markers {

    /** True the first time this (sid, event) is seen; a replayed webhook gets false. */
    public Uni<Boolean> firstReceipt(String sid, String event) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into webhook_receipt (sid, event, received_at)"
                + " values (?1, ?2, now()) on conflict do nothing").setParameter(1, sid).setParameter(2, event)
                .executeUpdate()).map(n -> n == 1);
    }

    public Uni<Void> setOptOut(String userId, String peerHash, boolean optedOut) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into opt_out (user_id, peer_hash, opted_out,"
                + " updated_at) values (?1, ?2, ?3, now()) on conflict (user_id, peer_hash) do update"
                + " set opted_out = excluded.opted_out, updated_at = now()").setParameter(1, userId)
                .setParameter(2, peerHash).setParameter(3, optedOut).executeUpdate()).replaceWithVoid();
    }

    @SuppressWarnings("unchecked")
    public Uni<Boolean> optedOut(String userId, String peerHash) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select opted_out from opt_out where user_id = ?1"
                + " and peer_hash = ?2", Boolean.class).setParameter(1, userId).setParameter(2, peerHash)
                .getResultList()).map(rows -> !rows.isEmpty() && Boolean.TRUE.equals(((List<Boolean>) rows).get(0)));
    }

    public Uni<Integer> purgeOptOuts(String userId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from opt_out where user_id = ?1")
                .setParameter(1, userId).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    public Uni<byte[]> hashKey(String name) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select sealed from hash_key where name = ?1",
                byte[].class).setParameter(1, name).getResultList()).map(rows -> rows.isEmpty() ? null
                        : ((List<byte[]>) rows).get(0));
    }

    /** Stores a new key unless another replica stored one first; the caller reads back whichever won. */
    public Uni<Void> offerHashKey(String name, byte[] sealed) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into hash_key (name, sealed) values (?1, ?2)"
                + " on conflict do nothing").setParameter(1, name).setParameter(2, sealed).executeUpdate())
                .replaceWithVoid();
    }
}

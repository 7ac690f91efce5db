package ai.andy.telephony.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Voicemails; every read names its owner. */
@ApplicationScoped
public class VoicemailRepository implements PanacheRepositoryBase<Voicemail, UUID> {

    public Uni<Voicemail> owned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<Voicemail> byRecordingSid(String sid) {
        return find("recordingSid", sid).firstResult();
    }

    public Uni<List<Voicemail>> forCalls(String userId, Collection<UUID> callIds) {
        return callIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("userId = ?1 and callId in ?2", userId, callIds);
    }

    public Uni<List<Voicemail>> page(String userId, Page page) {
        return page.first()
                ? find("userId = ?1 order by createdAt desc, id desc", userId).page(0, page.limit()).list()
                : find("userId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                        userId, page.before(), page.beforeId()).page(0, page.limit()).list();
    }

    public Uni<Long> purge(String userId) {
        return delete("userId", userId);
    }
}

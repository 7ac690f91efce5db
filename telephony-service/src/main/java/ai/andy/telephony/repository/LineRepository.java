package ai.andy.telephony.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Andy's numbers, one per person. */
@ApplicationScoped
public class LineRepository implements PanacheRepositoryBase<PhoneLine, UUID> {

    public Uni<java.util.Optional<PhoneLine>> ofUserOn(String userId, String carrier) {
        return find("userId = ?1 and carrier = ?2", userId, carrier).firstResult()
                .map(java.util.Optional::ofNullable);
    }

    public Uni<PhoneLine> byNumberHash(String numberHash) {
        return find("numberHash", numberHash).firstResult();
    }

    public Uni<Long> purge(String userId) {
        return delete("userId", userId);
    }
}

package ai.andy.email.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.email.MailAccount;
import ai.andy.email.MailProviderKind;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MailAccountRepository implements PanacheRepositoryBase<MailAccount, UUID> {

    public Uni<List<MailAccount>> forUser(String userId) {
        return list("userId = ?1 order by createdAt", userId);
    }

    public Uni<Boolean> hasLocal(String userId) {
        return count("userId = ?1 and provider = ?2", userId, MailProviderKind.local).map(n -> n > 0);
    }

    public Uni<Long> deleteForUser(String userId) {
        return delete("userId", userId);
    }
}

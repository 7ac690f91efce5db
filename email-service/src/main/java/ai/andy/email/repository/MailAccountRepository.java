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

    public Uni<MailAccount> forUser(String userId, UUID accountId) {
        return find("userId = ?1 and id = ?2", userId, accountId).firstResult();
    }

    public Uni<MailAccount> byConnection(UUID connectionId) {
        return find("connectionId", connectionId).firstResult();
    }

    public Uni<Boolean> hasLocal(String userId) {
        return count("userId = ?1 and provider = ?2", userId, MailProviderKind.local).map(n -> n > 0);
    }

    /** Accounts whose mail is not pushed to Andy (or whose push lapsed): the polling fallback visits these. */
    public Uni<List<MailAccount>> needingPoll() {
        return list("provider <> ?1 and status = 'active' and syncPhase in ('idle', 'failed')"
                + " and (pushExpiresAt is null or pushExpiresAt < current_timestamp)", MailProviderKind.local);
    }

    /** Accounts never synced yet (e.g. the service stopped before the first sync ran). */
    public Uni<List<MailAccount>> neverSynced() {
        return list("status = 'active' and lastSyncedAt is null and syncPhase <> 'initial'");
    }

    public Uni<List<MailAccount>> byProviderAddress(MailProviderKind provider, String address) {
        return list("provider = ?1 and lower(address) = lower(?2) and status = 'active'", provider, address);
    }

    public Uni<MailAccount> byPushId(String pushId) {
        return find("pushId", pushId).firstResult();
    }

    /** Push registrations that lapse within {@code hours}: renewed ahead of time. */
    public Uni<List<MailAccount>> pushExpiringWithin(int hours) {
        return list("status = 'active' and pushExpiresAt is not null"
                + " and pushExpiresAt < current_timestamp + make_interval(0, 0, 0, 0, ?1)", hours);
    }

    public Uni<Long> deleteForUser(String userId) {
        return delete("userId", userId);
    }
}

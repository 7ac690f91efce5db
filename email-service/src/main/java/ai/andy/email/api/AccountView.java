package ai.andy.email.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import ai.andy.email.MailAccount;

/**
 * A mailbox and how its sync stands. During the first sync {@code sync.done} counts up to {@code sync.total} (when
 * the provider says how many there are).
 */
public record AccountView(UUID id, String provider, String address, String displayName, String status, Sync sync,
        boolean push) {

    public record Sync(String phase, int done, Integer total, OffsetDateTime lastSyncedAt, String error) {
    }

    public static AccountView of(MailAccount a) {
        boolean push = a.pushExpiresAt != null && a.pushExpiresAt.isAfter(OffsetDateTime.now());
        return new AccountView(a.id, a.provider.name(), a.address, a.displayName, a.status,
                new Sync(a.syncPhase, a.syncDone, a.syncTotal, a.lastSyncedAt, a.syncError), push);
    }
}

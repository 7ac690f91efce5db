package ai.andy.email.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.email.MailAccount;
import ai.andy.email.MailProviderKind;
import ai.andy.email.repository.MailAccountRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Mailboxes over a person's lifetime in Andy. Callers run these inside a transaction. */
@ApplicationScoped
public class MailAccountService {
    private final MailAccountRepository accounts;

    MailAccountService(MailAccountRepository accounts) {
        this.accounts = accounts;
    }

    /**
     * Every new person gets the built-in local mailbox, so mail works before any account is connected.
     *
     * @return the new mailbox's id, or null when they had one already
     */
    public Uni<UUID> openLocalMailbox(String userId, String address, String displayName) {
        return accounts.hasLocal(userId).chain(exists -> {
            if (exists) {
                return Uni.createFrom().nullItem();
            }
            MailAccount local = MailAccount.local(userId, address, displayName);
            return accounts.persist(local).replaceWith(local.id);
        });
    }

    /**
     * Follows a connection's life at auth-service. A new or restored connection gets a mailbox (the returned id, to
     * sync); one needing reconnection pauses; a removed one takes its mailbox and all its metadata with it.
     */
    public Uni<UUID> connectionChanged(String userId, UUID connectionId, MailProviderKind kind, String address,
            String status) {
        return accounts.byConnection(connectionId).chain(existing -> {
            if (existing != null && !existing.userId.equals(userId)) {
                Log.warnf("ignoring connection.changed for connection %s: it belongs to someone else", connectionId);
                return Uni.createFrom().nullItem();
            }
            switch (status) {
                case "active" -> {
                    if (existing == null) {
                        MailAccount account = MailAccount.connected(userId, kind, address, connectionId);
                        return accounts.persist(account).replaceWith(account.id);
                    }
                    existing.status = "active";
                    return Uni.createFrom().item(existing.id);
                }
                case "needs_reauth" -> {
                    if (existing != null) {
                        existing.status = "needs_reauth";
                    }
                    return Uni.createFrom().nullItem();
                }
                case "revoked" -> {
                    return existing == null ? Uni.createFrom().nullItem()
                            : accounts.delete(existing).replaceWith((UUID) null);
                }
                default -> {
                    Log.warnf("ignoring unknown connection status '%s'", status);
                    return Uni.createFrom().nullItem();
                }
            }
        });
    }

    /** Mailboxes go with their messages (the foreign key cascades); the send log goes in the same transaction. */
    public Uni<Void> forgetUser(String userId) {
        return accounts.deleteForUser(userId)
                .invoke(count -> Log.infof("purged %d mail accounts of a deleted user", count))
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery("delete from sent_request where user_id = ?1")
                        .setParameter(1, userId).executeUpdate())
                .replaceWithVoid();
    }
}

package ai.andy.email.service;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.email.MailAccount;
import ai.andy.email.repository.MailAccountRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Mailboxes over a person's lifetime in Andy. Callers run these inside a transaction. */
@ApplicationScoped
public class MailAccountService {
    private final MailAccountRepository accounts;

    MailAccountService(MailAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Every new person gets the built-in local mailbox, so mail works before any account is connected. */
    public Uni<Void> openLocalMailbox(String userId, String address, String displayName) {
        return accounts.hasLocal(userId).chain(exists -> exists
                ? Uni.createFrom().voidItem()
                : accounts.persist(MailAccount.local(userId, address, displayName)).replaceWithVoid());
    }

    public Uni<Void> forgetUser(String userId) {
        return accounts.deleteForUser(userId)
                .invoke(count -> Log.infof("purged %d mail accounts of a deleted user", count))
                .replaceWithVoid();
    }
}

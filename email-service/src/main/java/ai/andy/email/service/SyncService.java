package ai.andy.email.service;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;


import ai.andy.email.MailAccount;
import ai.andy.email.MailProviderKind;
import ai.andy.email.config.EmailConfig;
import ai.andy.email.repository.Db;
import ai.andy.email.provider.CursorExpiredException;
import ai.andy.email.provider.MailProvider;
import ai.andy.email.MessageMetadata;
import ai.andy.email.provider.ProviderAccount;
import ai.andy.email.ProviderException;
import ai.andy.email.provider.SyncSink;
import ai.andy.email.repository.MailAccountRepository;
import ai.andy.email.repository.MessageRepository;
import ai.andy.email.repository.StoredMessage;
import ai.andy.email.repository.SyncStateRepository;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps each mailbox's metadata in step with its provider. A sync runs on this service's own small pool (provider
 * SDKs block), one at a time per mailbox: a request while one runs makes it run once more afterwards. The first sync
 * (or one after the provider forgot our cursor) is a full one, newest first, with progress; later ones are
 * incremental and announce new mail on {@code email.received}. Triggered by a new connection, a push notification,
 * or the polling fallback for mailboxes without push.
 */
@ApplicationScoped
public class SyncService {

    private final MailAccountRepository accounts;
    private final MailProviders providers;
    private final MessageRepository messages;
    private final SyncStateRepository state;
    private final MailEvents events;
    private final PushService push;
    private final ExecutorService pool;
    private final Map<UUID, Boolean> runs = new ConcurrentHashMap<>();

    SyncService(MailAccountRepository accounts, MailProviders providers, MessageRepository messages, SyncStateRepository state,
            MailEvents events, PushService push, EmailConfig config) {
        this.accounts = accounts;
        this.providers = providers;
        this.messages = messages;
        this.state = state;
        this.events = events;
        this.push = push;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.syncThreads(), r -> {
            Thread t = new Thread(r, "mail-sync-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Queues a sync of one mailbox; returns at once. */
    public void request(UUID accountId) {
        boolean[] start = new boolean[1];
        // Atomic per mailbox: absent = idle, FALSE = running, TRUE = running and asked again meanwhile.
        runs.compute(accountId, (id, state) -> {
            start[0] = state == null;
            return state == null ? Boolean.FALSE : Boolean.TRUE;
        });
        if (start[0]) {
            pool.execute(() -> {
                do {
                    try {
                        syncNow(accountId);
                    } catch (RuntimeException e) {
                        Log.errorf(e, "mailbox %s: sync crashed", accountId);
                    }
                } while (runs.compute(accountId, (id, again) -> Boolean.TRUE.equals(again) ? Boolean.FALSE : null)
                        != null);
            });
        }
    }

    /** Mailboxes opened while the service was down (or before it crashed mid-way) get their first sync. */
    void onStart(@jakarta.enterprise.event.Observes @jakarta.annotation.Priority(20) StartupEvent start) {
        pool.execute(() -> {
            try {
                Db.read(accounts::neverSynced).forEach(account -> request(account.id));
            } catch (RuntimeException e) {
                Log.warnf("could not look for unsynced mailboxes at start: %s", e.getClass().getSimpleName());
            }
        });
    }

    /** The polling fallback: mailboxes without working push are checked on this interval. */
    @Scheduled(every = "${andy.email.poll-interval:2m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
                        skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        Db.read(accounts::needingPoll).forEach(account -> request(account.id));
    }

    private void syncNow(UUID accountId) {
        MailAccount account = Db.read(() -> accounts.findById(accountId));
        if (account == null || !"active".equals(account.status)) {
            return;
        }
        MailProvider provider = providers.forAccount(account);
        ProviderAccount reach = providers.reach(account);
        try {
            if (account.syncCursor == null) {
                fullSync(account, provider, reach);
            } else {
                incrementalSync(account, provider, reach);
            }
            if (account.provider != MailProviderKind.local) {
                push.ensure(account);
            }
        } catch (CursorExpiredException expired) {
            Log.infof("mailbox %s: the provider forgot our sync position; syncing everything again", accountId);
            Db.await(state.forgetCursor(accountId));
            account.syncCursor = null;
            fullSync(account, provider, reach);
        } catch (ProviderException e) {
            Log.warnf("mailbox %s: sync failed (%s, %s)", accountId, e.provider(), e.kind());
            Db.await(state.failed(accountId, describe(e)));
        } catch (RuntimeException e) {
            Log.errorf(e, "mailbox %s: sync failed", accountId);
            Db.await(state.failed(accountId, "Andy could not sync this mailbox; it will try again."));
        }
    }

    private void fullSync(MailAccount account, MailProvider provider, ProviderAccount reach) {
        boolean hadMail = Db.await(messages.countForAccount(account.id)) > 0;
        Db.await(state.startInitial(account.id));
        StoreSink sink = new StoreSink(account, false);
        String cursor = provider.initialSync(reach, sink);
        if (hadMail && account.provider != MailProviderKind.local) {
            // A resync: whatever the provider no longer lists was deleted while we were not looking.
            Db.await(messages.removeAllExcept(account.id, List.copyOf(sink.seen)));
        }
        Db.await(state.progress(account.id, sink.done));
        Db.await(state.finished(account.id, cursor));
        Log.infof("mailbox %s: full sync done, %d messages", account.id, sink.done);
    }

    private void incrementalSync(MailAccount account, MailProvider provider, ProviderAccount reach) {
        Db.await(state.startIncremental(account.id));
        StoreSink sink = new StoreSink(account, true);
        String cursor = provider.incrementalSync(reach, account.syncCursor, sink);
        Db.await(state.finished(account.id, cursor));
        Log.debugf("mailbox %s: incremental sync, %d new or changed", account.id, sink.done);
    }

    private static String describe(ProviderException e) {
        return switch (e.kind()) {
            case UNAUTHORIZED -> "The account needs to be connected again.";
            case UNAVAILABLE -> "The mail provider is not answering; Andy will try again.";
            default -> "The mail provider refused a sync request; Andy will try again.";
        };
    }

    /** Persists each batch before the adapter goes on, and counts progress. */
    private final class StoreSink implements SyncSink {
        private final MailAccount account;
        private final boolean announceNew;
        // A provider may hand the same message over twice in one sync (Graph: listing, then the delta round).
        private final Set<String> seen = new LinkedHashSet<>();
        private int done;

        StoreSink(MailAccount account, boolean announceNew) {
            this.account = account;
            this.announceNew = announceNew;
        }

        @Override
        public void total(int total) {
            Db.await(state.total(account.id, total));
        }

        @Override
        public void upsert(List<MessageMetadata> batch) {
            List<String> inserted = Db.await(messages.upsert(account.id, account.userId, batch));
            batch.forEach(m -> seen.add(m.providerId()));
            done = seen.size();
            if (!announceNew) {
                Db.await(state.progress(account.id, done));
            } else if (!inserted.isEmpty()) {
                announce(inserted);
            }
        }

        @Override
        public void removed(List<String> providerIds) {
            Db.await(messages.remove(account.id, providerIds));
        }

        private void announce(List<String> providerIds) {
            for (StoredMessage m : Db.await(messages.findByProviderIds(account.id, providerIds))) {
                if (m.hasLabel("INBOX")) {
                    events.newMail(account.userId, m.id(), account.id, account.provider, m.from(), m.subject(),
                            m.receivedAt());
                }
            }
        }
    }
}

package ai.andy.email.service;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;


import ai.andy.email.MailAccount;
import ai.andy.email.MailProviderKind;
import ai.andy.email.config.EmailConfig;
import ai.andy.email.ProviderException;
import ai.andy.email.repository.Db;
import ai.andy.email.provider.gmail.GmailMailProvider;
import ai.andy.email.provider.gmail.GmailPush;
import ai.andy.email.provider.graph.GraphMailProvider;
import ai.andy.email.provider.graph.GraphNotifications;
import ai.andy.email.repository.MailAccountRepository;
import ai.andy.email.repository.SyncStateRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Provider push, so new mail shows up without polling: Gmail {@code watch} to a Pub/Sub topic whose push
 * subscription calls {@code /api/email/push/gmail?token=...}, and Graph subscriptions calling
 * {@code /api/email/push/graph} with a per-subscription {@code clientState}. Both are optional: without their
 * settings, the polling fallback in {@link SyncService} keeps mailboxes current. Registrations are renewed a day
 * before they lapse; Gmail's watch lasts 7 days, Graph's mail subscriptions a little under 7 days.
 */
@ApplicationScoped
public class PushService {
    private static final int RENEW_HOURS_AHEAD = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MailAccountRepository accounts;
    private final MailProviders providers;
    private final SyncStateRepository state;
    private final GmailMailProvider gmail;
    private final GraphMailProvider graph;
    private final SyncService sync;
    private final Optional<String> gmailTopic;
    private final Optional<String> gmailPushToken;
    private final Optional<String> graphNotificationUrl;

    PushService(MailAccountRepository accounts, MailProviders providers, SyncStateRepository state, GmailMailProvider gmail,
            GraphMailProvider graph, SyncService sync, EmailConfig config) {
        this.accounts = accounts;
        this.providers = providers;
        this.state = state;
        this.gmail = gmail;
        this.graph = graph;
        this.sync = sync;
        this.gmailTopic = config.gmail().push().topic().filter(s -> !s.isBlank());
        this.gmailPushToken = config.gmail().push().token().filter(s -> !s.isBlank());
        this.graphNotificationUrl = config.graph().notificationUrl().filter(s -> !s.isBlank());
    }

    /** After a good sync: make sure the mailbox has push, if push is configured for its provider. */
    void ensure(MailAccount account) {
        boolean fresh = account.pushExpiresAt != null
                && account.pushExpiresAt.isAfter(OffsetDateTime.now().plusHours(RENEW_HOURS_AHEAD));
        if (fresh) {
            return;
        }
        try {
            register(account);
        } catch (ProviderException e) {
            Log.warnf("mailbox %s: push registration failed (%s); polling covers it", account.id, e.kind());
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
                skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void renewExpiring() {
        for (MailAccount account : Db.read(() -> accounts.pushExpiringWithin(RENEW_HOURS_AHEAD))) {
            try {
                register(account);
            } catch (RuntimeException e) {
                Log.warnf("mailbox %s: push renewal failed (%s); polling covers it", account.id,
                        e.getClass().getSimpleName());
            }
        }
    }

    private void register(MailAccount account) {
        if (account.provider == MailProviderKind.gmail && gmailTopic.isPresent()) {
            GmailPush.Watch watch = gmail.watch(providers.reach(account), gmailTopic.get());
            Db.await(state.push(account.id, "gmail-watch", null, watch.expiration().atOffset(ZoneOffset.UTC)));
        } else if (account.provider == MailProviderKind.outlook && graphNotificationUrl.isPresent()) {
            if (account.pushId != null) {
                try {
                    Instant expires = graph.renew(providers.reach(account), account.pushId);
                    Db.await(state.push(account.id, account.pushId, account.pushSecret, expires.atOffset(ZoneOffset.UTC)));
                    return;
                } catch (ProviderException e) {
                    if (e.kind() != ProviderException.Kind.NOT_FOUND) {
                        throw e;
                    }
                }
            }
            String clientState = newSecret();
            String url = graphNotificationUrl.get();
            GraphMailProvider.PushSubscription subscription = graph.subscribe(providers.reach(account), url,
                    url + "/lifecycle", clientState);
            Db.await(state.push(account.id, subscription.subscriptionId(), clientState,
                    subscription.expiresAt().atOffset(ZoneOffset.UTC)));
        }
    }

    /** Whether Gmail push is switched on; without a token the endpoint refuses everything. */
    public boolean gmailPushEnabled() {
        return gmailPushToken.isPresent();
    }

    /** Checks the token Andy put in the push subscription's URL, without leaking timing. */
    public boolean gmailTokenMatches(String token) {
        return gmailPushToken.isPresent() && token != null && MessageDigest.isEqual(
                gmailPushToken.get().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** A Gmail push: sync the mailboxes of that address. Returns how many were found. */
    public int gmailChanged(String body) {
        GmailPush.Notification notification = GmailMailProvider.parsePush(body);
        List<MailAccount> found = Db.read(() -> accounts.byProviderAddress(MailProviderKind.gmail,
                notification.emailAddress()));
        found.forEach(account -> sync.request(account.id));
        return found.size();
    }

    /**
     * Graph change and lifecycle notifications. Entries whose clientState does not match the subscription's are
     * ignored; the result says how many were acted on and how many refused.
     */
    public GraphOutcome graphChanged(String body) {
        // One lookup per subscription: a body often holds several notifications for the same one.
        Map<String, Optional<MailAccount>> bySubscription = new HashMap<>();
        GraphNotifications.Parsed parsed = GraphNotifications.parse(body, subscriptionId -> bySubscription
                .computeIfAbsent(subscriptionId, id -> Optional.ofNullable(Db.read(() -> accounts.byPushId(id))))
                .map(account -> account.pushSecret).orElse(null));
        for (GraphNotifications.Notification n : parsed.accepted()) {
            MailAccount account = bySubscription.get(n.subscriptionId()).orElse(null);
            if (account == null) {
                continue;
            }
            if ("subscriptionRemoved".equals(n.lifecycleEvent()) || "reauthorizationRequired".equals(n.lifecycleEvent())) {
                if ("subscriptionRemoved".equals(n.lifecycleEvent())) {
                    Db.await(state.push(account.id, null, null, null));
                    account.pushId = null;
                    bySubscription.put(n.subscriptionId(), Optional.empty());
                }
                try {
                    register(account);
                } catch (ProviderException e) {
                    Log.warnf("mailbox %s: could not restore push (%s)", account.id, e.kind());
                }
            }
            // A change, or "missed" (Graph dropped notifications): the delta query catches up either way.
            sync.request(account.id);
        }
        if (parsed.rejected() > 0) {
            Log.warnf("refused %d Graph notifications with an unknown subscription or wrong clientState",
                    parsed.rejected());
        }
        return new GraphOutcome(parsed.accepted().size(), parsed.rejected());
    }

    /** How many notifications of one Graph call were acted on, and how many refused. */
    public record GraphOutcome(int accepted, int rejected) {
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package ai.andy.email.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.email.MailAccount;
import ai.andy.email.MailProviderKind;
import ai.andy.email.repository.Db;
import ai.andy.email.api.AccountView;
import ai.andy.email.api.MessagePage;
import ai.andy.email.api.MessageView;
import ai.andy.email.api.ReplyRequest;
import ai.andy.email.api.SendRequest;
import ai.andy.email.api.UpdateRequest;
import ai.andy.email.EmailAddress;
import ai.andy.email.provider.MailProvider;
import ai.andy.email.provider.MessageChange;
import ai.andy.email.provider.MessageContent;
import ai.andy.email.MessageMetadata;
import ai.andy.email.provider.OutgoingMessage;
import ai.andy.email.ProviderException;
import ai.andy.email.provider.local.LocalMailbox;
import ai.andy.email.repository.MailAccountRepository;
import ai.andy.email.repository.MessageCursor;
import ai.andy.email.repository.MessageQuery;
import ai.andy.email.repository.MessageRepository;
import ai.andy.email.repository.StoredMessage;
import ai.andy.events.payload.EmailSent;
import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * What a person does with their mail, across all their mailboxes. Blocking (provider SDKs are): REST resources and
 * the intent consumer call it on worker threads. Every method takes the person's id from their token and only ever
 * touches their own mailboxes and messages; someone else's message id is simply not found.
 */
@ApplicationScoped
public class MailService {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;
    private static final Duration SEND_LOCK = Duration.ofMinutes(2);

    /** A listing request; null fields do not filter. */
    public record ListParams(Boolean unread, Instant since, Instant until, String from, String q, String label,
            UUID account, Integer limit, String cursor) {
    }

    /** The outcome of a send: {@code replayed} when an earlier request with the same Idempotency-Key did the work. */
    public record SendResult(MessageView message, boolean replayed) {
    }

    private final MailAccountRepository accounts;
    private final MailProviders providers;
    private final MessageRepository store;
    private final BodyCache bodies;
    private final HtmlSanitizer sanitizer;
    private final MailEvents events;
    private final RedisDataSource redis;

    MailService(MailAccountRepository accounts, MailProviders providers, MessageRepository store, BodyCache bodies,
            HtmlSanitizer sanitizer, MailEvents events, RedisDataSource redis) {
        this.accounts = accounts;
        this.providers = providers;
        this.store = store;
        this.bodies = bodies;
        this.sanitizer = sanitizer;
        this.events = events;
        this.redis = redis;
    }

    public List<AccountView> accounts(String userId) {
        return Db.read(() -> accounts.forUser(userId)).stream().map(AccountView::of).toList();
    }

    public MessagePage list(String userId, ListParams params) {
        int limit = limit(params.limit());
        MessageCursor after = null;
        if (params.cursor() != null && !params.cursor().isBlank()) {
            try {
                after = MessageCursor.decode(params.cursor());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("The cursor is not one this API gave out; start again without it.",
                        List.of(new Problem.FieldError("cursor", "is not a cursor from this API")));
            }
        }
        if (params.since() != null && params.until() != null && !params.since().isBefore(params.until())) {
            throw ProblemException.badRequest("'since' must be before 'until'.",
                    List.of(new Problem.FieldError("since", "must be before until")));
        }
        if (params.account() != null) {
            account(userId, params.account());
        }
        String q = params.q() == null || params.q().isBlank() ? null : params.q().trim();
        if (q == null) {
            List<StoredMessage> page = Db.await(store.list(userId, new MessageQuery(params.unread(), params.since(),
                    params.until(), blankToNull(params.from()), null, blankToNull(params.label()), params.account(),
                    after, limit + 1)));
            String next = page.size() > limit ? cursorOf(page.get(limit - 1)) : null;
            return new MessagePage(page.stream().limit(limit).map(MessageView::of).toList(), next);
        }
        return search(userId, params, q, limit);
    }

    /**
     * A search asks each connected provider (their search covers bodies, which Andy does not keep) and matches the
     * local mailbox and stored metadata. One page, up to {@code limit}: provider searches have no shared cursor.
     */
    private MessagePage search(String userId, ListParams params, String q, int limit) {
        Map<UUID, StoredMessage> found = new LinkedHashMap<>();
        for (MailAccount account : Db.read(() -> accounts.forUser(userId))) {
            if (params.account() != null && !params.account().equals(account.id)) {
                continue;
            }
            if (account.provider == MailProviderKind.local || !"active".equals(account.status)) {
                continue;
            }
            List<MessageMetadata> hits = providers.forAccount(account).search(providers.reach(account), q, limit);
            if (!hits.isEmpty()) {
                Db.await(store.upsert(account.id, userId, hits));
                Db.await(store.findByProviderIds(account.id, hits.stream().map(MessageMetadata::providerId).toList())
                        ).forEach(m -> found.put(m.id(), m));
            }
        }
        Db.await(store.list(userId, new MessageQuery(null, null, null, null, q, null, params.account(), null, limit))
                ).forEach(m -> found.put(m.id(), m));
        List<MessageView> matching = found.values().stream()
                .filter(m -> params.unread() == null || m.unread() == params.unread())
                .filter(m -> params.since() == null || !m.receivedAt().isBefore(params.since()))
                .filter(m -> params.until() == null || m.receivedAt().isBefore(params.until()))
                .filter(m -> params.from() == null || m.from() != null && m.from().formatted().toLowerCase(Locale.ROOT)
                        .contains(params.from().toLowerCase(Locale.ROOT)))
                .filter(m -> params.label() == null || m.labels().stream().anyMatch(params.label()::equalsIgnoreCase))
                .sorted(Comparator.comparing(StoredMessage::receivedAt).reversed())
                .limit(limit).map(MessageView::of).toList();
        return new MessagePage(matching, null);
    }

    public MessageView get(String userId, UUID id) {
        StoredMessage message = message(userId, id);
        MailAccount account = account(userId, message.accountId());
        MessageContent content;
        if (account.provider == MailProviderKind.local) {
            content = providers.forAccount(account).fetchBody(providers.reach(account), message.providerId());
        } else {
            content = bodies.get(id).orElseGet(() -> {
                MessageContent fetched = providers.forAccount(account).fetchBody(providers.reach(account),
                        message.providerId());
                bodies.put(id, fetched);
                return fetched;
            });
        }
        return MessageView.of(message, new MessageView.Body(content.text(), sanitizer.sanitize(content.html())));
    }

    public SendResult send(String userId, SendRequest request, String idempotencyKey) {
        if (request.toOrEmpty().isEmpty() && request.ccOrEmpty().isEmpty() && request.bccOrEmpty().isEmpty()) {
            throw ProblemException.badRequest("Name at least one recipient.",
                    List.of(new Problem.FieldError("to", "must name at least one recipient")));
        }
        MailAccount account = sendingAccount(userId, request.account());
        OutgoingMessage outgoing = new OutgoingMessage(addresses(request.toOrEmpty()), addresses(request.ccOrEmpty()),
                addresses(request.bccOrEmpty()), request.subject() == null ? "" : request.subject(), request.body(),
                null);
        return once(userId, idempotencyKey, () -> deliver(account, outgoing));
    }

    public SendResult reply(String userId, UUID id, ReplyRequest request, String idempotencyKey) {
        StoredMessage original = message(userId, id);
        MailAccount account = account(userId, original.accountId());
        if (!"active".equals(account.status)) {
            throw reconnect(account);
        }
        boolean sentByMe = original.from() != null && original.from().address().equalsIgnoreCase(account.address);
        List<EmailAddress> to = sentByMe ? original.to() : List.of(original.from());
        List<EmailAddress> cc = List.of();
        if (Boolean.TRUE.equals(request.replyAll())) {
            LinkedHashSet<EmailAddress> others = new LinkedHashSet<>(original.to());
            others.addAll(original.cc());
            others.removeIf(a -> a.address().equalsIgnoreCase(account.address) || to.contains(a));
            cc = List.copyOf(others);
        }
        if (to.isEmpty() || to.get(0) == null) {
            throw ProblemException.badRequest("This message has no sender to reply to.", List.of());
        }
        String subject = original.subject() == null ? "" : original.subject();
        if (!subject.regionMatches(true, 0, "Re:", 0, 3)) {
            subject = "Re: " + subject;
        }
        OutgoingMessage outgoing = new OutgoingMessage(to, cc, List.of(), subject, request.body(),
                original.providerId());
        return once(userId, idempotencyKey, () -> deliver(account, outgoing));
    }

    public MessageView update(String userId, UUID id, UpdateRequest request) {
        StoredMessage message = message(userId, id);
        MailAccount account = account(userId, message.accountId());
        MessageChange change = new MessageChange(request.unread(), request.archived(), request.addLabels(),
                request.removeLabels());
        providers.forAccount(account).modify(providers.reach(account), message.providerId(), change);
        LinkedHashSet<String> labels = new LinkedHashSet<>(message.labels());
        boolean unread = request.unread() == null ? message.unread() : request.unread();
        if (unread) {
            labels.add("UNREAD");
        } else {
            labels.remove("UNREAD");
        }
        if (Boolean.TRUE.equals(request.archived())) {
            labels.remove("INBOX");
        } else if (Boolean.FALSE.equals(request.archived())) {
            labels.add("INBOX");
        }
        labels.addAll(change.addLabels());
        change.removeLabels().forEach(labels::remove);
        Db.await(store.updateFlags(userId, id, unread, List.copyOf(labels)));
        return MessageView.of(message(userId, id));
    }

    /** Moves a message to the provider's trash; Andy keeps its metadata labelled TRASH, out of normal listings. */
    public void trash(String userId, UUID id) {
        StoredMessage message = message(userId, id);
        MailAccount account = account(userId, message.accountId());
        providers.forAccount(account).trash(providers.reach(account), message.providerId());
        LinkedHashSet<String> labels = new LinkedHashSet<>(message.labels());
        labels.remove("INBOX");
        labels.add("TRASH");
        Db.await(store.updateFlags(userId, id, message.unread(), List.copyOf(labels)));
        bodies.evict(id);
    }

    private StoredMessage deliver(MailAccount account, OutgoingMessage outgoing) {
        MailProvider provider = providers.forAccount(account);
        MessageMetadata sent = provider.send(providers.reach(account), outgoing);
        Db.await(store.upsert(account.id, account.userId, List.of(sent)));
        StoredMessage stored = Db.await(store.findByProviderIds(account.id, List.of(sent.providerId())))
                .get(0);
        events.sent(account.userId, new EmailSent(stored.id().toString(), account.id.toString(),
                account.provider.name(), outgoing.to().stream().map(EmailAddress::address).toList(),
                outgoing.subject(), !LocalMailbox.NOT_DELIVERED.equals(stored.deliveryNote())));
        return stored;
    }

    /**
     * Runs a send at most once per Idempotency-Key: a repeat answers with the first result. A Redis lock covers the
     * window while the first request is still talking to the provider.
     */
    private SendResult once(String userId, String key, java.util.function.Supplier<StoredMessage> send) {
        if (key == null || key.isBlank()) {
            return new SendResult(MessageView.of(send.get()), false);
        }
        if (key.length() > 200) {
            throw ProblemException.badRequest("The Idempotency-Key must be at most 200 characters.", List.of());
        }
        Optional<UUID> earlier = Db.await(store.idempotentSend(userId, key));
        if (earlier.isPresent()) {
            return new SendResult(MessageView.of(message(userId, earlier.get())), true);
        }
        String lock = "email:send:" + userId + ":" + key;
        if (redis.execute("SET", lock, "1", "NX", "PX", String.valueOf(SEND_LOCK.toMillis())) == null) {
            throw ProblemException.conflict("A request with this Idempotency-Key is still being sent; "
                    + "repeat it in a moment to get its result.");
        }
        try {
            StoredMessage sent = send.get();
            Db.await(store.rememberSend(userId, key, sent.id()));
            return new SendResult(MessageView.of(sent), false);
        } finally {
            redis.execute("DEL", lock);
        }
    }

    private MailAccount sendingAccount(String userId, String wanted) {
        List<MailAccount> mine = Db.read(() -> accounts.forUser(userId));
        MailAccount chosen;
        if (wanted != null && !wanted.isBlank()) {
            chosen = mine.stream().filter(a -> a.id.toString().equals(wanted) || a.address.equalsIgnoreCase(wanted))
                    .findFirst().orElseThrow(() -> ProblemException.badRequest(
                            "You have no mailbox '" + wanted + "'. GET /api/email/accounts lists yours.",
                            List.of(new Problem.FieldError("account", "is not one of your mailboxes"))));
        } else {
            chosen = mine.stream().filter(a -> a.provider != MailProviderKind.local && "active".equals(a.status))
                    .findFirst()
                    .or(() -> mine.stream().filter(a -> a.provider == MailProviderKind.local).findFirst())
                    .orElseThrow(() -> new ProblemException(409, "No mailbox",
                            "You have no mailbox yet. It is created with your account; try again in a moment."));
        }
        if (!"active".equals(chosen.status)) {
            throw reconnect(chosen);
        }
        return chosen;
    }

    private MailAccount account(String userId, UUID accountId) {
        MailAccount account = Db.read(() -> accounts.forUser(userId, accountId));
        if (account == null) {
            throw ProblemException.notFound("You have no mailbox " + accountId + ".");
        }
        return account;
    }

    private StoredMessage message(String userId, UUID id) {
        return Db.await(store.find(userId, id))
                .orElseThrow(() -> ProblemException.notFound("You have no message " + id + "."));
    }

    private static ProblemException reconnect(MailAccount account) {
        return new ProblemException(409, "Reconnection needed", "The " + account.provider + " account "
                + account.address + " needs to be connected again under /api/connections before Andy can use it.");
    }

    private static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.badRequest("'limit' must be between 1 and " + MAX_LIMIT + ".",
                    List.of(new Problem.FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return requested;
    }

    private static String cursorOf(StoredMessage m) {
        return new MessageCursor(m.receivedAt(), m.id()).encode();
    }

    private static List<EmailAddress> addresses(List<String> plain) {
        List<EmailAddress> list = new ArrayList<>();
        plain.forEach(a -> list.add(new EmailAddress(null, a.trim())));
        return list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

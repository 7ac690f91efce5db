package ai.andy.email.provider.gmail;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;


import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.HistoryLabelAdded;
import com.google.api.services.gmail.model.HistoryLabelRemoved;
import com.google.api.services.gmail.model.HistoryMessageAdded;
import com.google.api.services.gmail.model.HistoryMessageDeleted;
import com.google.api.services.gmail.model.Label;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.ModifyMessageRequest;
import com.google.api.services.gmail.model.Profile;
import com.google.api.services.gmail.model.WatchRequest;
import com.google.api.services.gmail.model.WatchResponse;

import ai.andy.email.MailProviderKind;
import ai.andy.email.config.EmailConfig;
import ai.andy.email.provider.CursorExpiredException;
import ai.andy.email.provider.MailProvider;
import ai.andy.email.provider.MessageChange;
import ai.andy.email.provider.MessageContent;
import ai.andy.email.MessageMetadata;
import ai.andy.email.provider.OutgoingMessage;
import ai.andy.email.provider.ProviderAccount;
import ai.andy.email.provider.ProviderCalls;
import ai.andy.email.ProviderException;
import ai.andy.email.provider.SyncSink;
import ai.andy.email.provider.UsageMeter;

/**
 * Gmail through Google's Java SDK. Every request is paced per person by {@link GmailQuotaPacer}, counted by
 * {@link UsageMeter} with its quota units, and run under {@link ProviderCalls}' retries and breaker. Metadata is
 * fetched in batch requests ({@code POST /batch/gmail/v1}); a batch costs the units of all its parts.
 */
@ApplicationScoped
public class GmailMailProvider implements MailProvider {
    static final String PROVIDER = "gmail";
    static final String ME = "me";

    // Quota units per method, from Gmail's usage limits table.
    private static final int PROFILE = 1;
    static final int LABELS_LIST = 1;
    private static final int HISTORY_LIST = 2;
    private static final int MESSAGES_LIST = 5;
    static final int MESSAGES_GET = 5;
    private static final int MODIFY = 5;
    private static final int TRASH = 5;
    private static final int STOP = 50;
    private static final int SEND = 100;
    private static final int WATCH = 100;

    private static final long PAGE_SIZE = 500;
    static final Set<String> SYSTEM_LABELS = Set.of("INBOX", "SPAM", "TRASH", "UNREAD", "STARRED",
            "IMPORTANT", "SENT", "DRAFT", "CHAT", "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS",
            "CATEGORY_UPDATES", "CATEGORY_FORUMS");
    static final Pattern USER_LABEL_ID = Pattern.compile("Label_[0-9]+");

    private final String rootUrl;
    private final GmailQuotaPacer pacer;
    private final UsageMeter usage;
    private final ProviderCalls calls = ProviderCalls.withDefaults(PROVIDER);
    // Apache HttpClient with its automatic retries off: HttpURLConnection (NetHttpTransport) silently resends a POST
    // when a kept-alive connection turns out dead, which could send a message twice. Retries are ProviderCalls' job.
    private final HttpTransport transport = new ApacheHttpTransport();
    private final int batchSize;

    GmailMailProvider(EmailConfig config, GmailQuotaPacer pacer, UsageMeter usage) {
        String rootUrl = config.gmail().rootUrl();
        this.rootUrl = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
        this.pacer = pacer;
        this.usage = usage;
        // Gmail advises at most 50 calls per batch. A batch is paced as one request, so it also has to leave room
        // in the per-second budget: sent right after a second's budget was spent, a batch delayed a few ms in
        // flight can land in the same second at Gmail as the next one. Keeping a batch to a quarter of the budget
        // (200 units/s -> 10 messages, 50 units) bounds that overlap by the headroom between our 200 and Gmail's 250.
        this.batchSize = Math.max(1, Math.min(50, pacer.unitsPerSecond() / 4 / MESSAGES_GET));
    }

    @Override
    public MailProviderKind kind() {
        return MailProviderKind.gmail;
    }

    /** Messages per metadata batch request. */
    public int batchSize() {
        return batchSize;
    }

    @Override
    public String initialSync(ProviderAccount account, SyncSink sink) {
        GmailSession session = session(account);
        // The history id is read before listing: changes made while the listing runs are then replayed by the
        // first incremental sync instead of being lost.
        Profile profile = session.call("users.getProfile", PROFILE, gmail -> gmail.users().getProfile(ME).execute());
        if (profile.getMessagesTotal() != null) {
            sink.total(profile.getMessagesTotal());
        }
        String pageToken = null;
        do {
            String token = pageToken;
            ListMessagesResponse page = session.call("messages.list", MESSAGES_LIST, gmail -> gmail.users()
                    .messages().list(ME).setMaxResults(PAGE_SIZE).setPageToken(token).execute());
            for (List<String> chunk : chunks(ids(page))) {
                List<MessageMetadata> batch = session.metadata(chunk, new ArrayList<>());
                if (!batch.isEmpty()) {
                    sink.upsert(batch);
                }
            }
            pageToken = page.getNextPageToken();
        } while (pageToken != null);
        return profile.getHistoryId().toString();
    }

    @Override
    public String incrementalSync(ProviderAccount account, String cursor, SyncSink sink) {
        BigInteger start;
        try {
            start = new BigInteger(cursor);
        } catch (NumberFormatException | NullPointerException notAHistoryId) {
            throw new CursorExpiredException("not a Gmail history id; a full sync is needed");
        }
        GmailSession session = session(account);
        Set<String> changed = new LinkedHashSet<>();
        Set<String> deleted = new LinkedHashSet<>();
        BigInteger newest = start;
        String pageToken = null;
        do {
            String token = pageToken;
            ListHistoryResponse page;
            try {
                page = session.call("history.list", HISTORY_LIST, gmail -> gmail.users().history().list(ME)
                        .setStartHistoryId(start).setMaxResults(PAGE_SIZE).setPageToken(token).execute());
            } catch (ProviderException failure) {
                if (failure.kind() == ProviderException.Kind.NOT_FOUND) {
                    throw new CursorExpiredException("Gmail no longer has history from this cursor; a full sync is needed");
                }
                throw failure;
            }
            for (History history : page.getHistory() == null ? List.<History>of() : page.getHistory()) {
                collect(history, changed, deleted);
            }
            if (page.getHistoryId() != null && page.getHistoryId().compareTo(newest) > 0) {
                newest = page.getHistoryId();
            }
            pageToken = page.getNextPageToken();
        } while (pageToken != null);

        List<String> gone = new ArrayList<>(deleted);
        for (List<String> chunk : chunks(new ArrayList<>(changed))) {
            List<MessageMetadata> batch = session.metadata(chunk, gone);
            if (!batch.isEmpty()) {
                sink.upsert(batch);
            }
        }
        if (!gone.isEmpty()) {
            sink.removed(gone);
        }
        return newest.toString();
    }

    /** Records are in order, so a message deleted after being added or relabelled ends up only as deleted. */
    private static void collect(History history, Set<String> changed, Set<String> deleted) {
        for (HistoryMessageAdded added : nonNull(history.getMessagesAdded())) {
            changed.add(added.getMessage().getId());
        }
        for (HistoryLabelAdded added : nonNull(history.getLabelsAdded())) {
            changed.add(added.getMessage().getId());
        }
        for (HistoryLabelRemoved removed : nonNull(history.getLabelsRemoved())) {
            changed.add(removed.getMessage().getId());
        }
        for (HistoryMessageDeleted removed : nonNull(history.getMessagesDeleted())) {
            changed.remove(removed.getMessage().getId());
            deleted.add(removed.getMessage().getId());
        }
    }

    @Override
    public List<MessageMetadata> search(ProviderAccount account, String query, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        GmailSession session = session(account);
        List<String> ids = new ArrayList<>();
        String pageToken = null;
        do {
            String token = pageToken;
            long pageSize = Math.min(PAGE_SIZE, limit - ids.size());
            ListMessagesResponse page = session.call("messages.list", MESSAGES_LIST, gmail -> gmail.users()
                    .messages().list(ME).setQ(query).setMaxResults(pageSize).setPageToken(token).execute());
            ids.addAll(ids(page));
            pageToken = page.getNextPageToken();
        } while (pageToken != null && ids.size() < limit);
        List<MessageMetadata> found = new ArrayList<>();
        for (List<String> chunk : chunks(ids.subList(0, Math.min(limit, ids.size())))) {
            found.addAll(session.metadata(chunk, new ArrayList<>()));
        }
        return found;
    }

    @Override
    public MessageContent fetchBody(ProviderAccount account, String providerMessageId) {
        GmailSession session = session(account);
        Message message = session.call("messages.get", MESSAGES_GET, gmail -> gmail.users().messages()
                .get(ME, providerMessageId).setFormat("full").execute());
        String[] texts = new String[2];
        walk(session, providerMessageId, message.getPayload(), texts);
        return new MessageContent(texts[0], texts[1]);
    }

    /** Depth first, keeping the first text/plain and text/html part that is not an attachment. */
    private void walk(GmailSession session, String messageId, MessagePart part, String[] texts) {
        if (part == null) {
            return;
        }
        String type = part.getMimeType() == null ? "" : part.getMimeType().toLowerCase(Locale.ROOT);
        int slot = type.equals("text/plain") ? 0 : type.equals("text/html") ? 1 : -1;
        if (slot >= 0 && texts[slot] == null && !GmailMessages.isAttachment(part) && part.getBody() != null) {
            byte[] data = part.getBody().getData() != null ? part.getBody().decodeData()
                    : part.getBody().getAttachmentId() != null ? session.attachment(messageId,
                            part.getBody().getAttachmentId()) : null;
            if (data != null) {
                texts[slot] = GmailMessages.decode(part, data);
            }
        }
        for (MessagePart child : nonNull(part.getParts())) {
            walk(session, messageId, child, texts);
        }
    }

    @Override
    public MessageMetadata send(ProviderAccount account, OutgoingMessage outgoing) {
        GmailSession session = session(account);
        Message original = null;
        if (outgoing.inReplyTo() != null) {
            original = session.call("messages.get", MESSAGES_GET, gmail -> gmail.users().messages()
                    .get(ME, outgoing.inReplyTo()).setFormat("metadata")
                    .setMetadataHeaders(List.of("Message-ID", "References")).execute());
        }
        Message request = new Message().encodeRaw(GmailMessages.rfc822(account, outgoing, original))
                .setThreadId(original == null ? null : original.getThreadId());
        Message sent = session.call("messages.send", SEND, gmail -> {
            try {
                return gmail.users().messages().send(ME, request).execute();
            } catch (IOException failure) {
                RuntimeException translated = GmailErrors.translate(failure);
                // Only a throttled send is surely not sent. Anything else may have gone out, and sending twice is
                // worse than telling the person it may have failed.
                if (translated instanceof ProviderCalls.Retryable retryable && !retryable.throttled()) {
                    throw new ProviderException(PROVIDER, ProviderException.Kind.UNAVAILABLE,
                            "Gmail did not confirm the send (status " + retryable.status() + "); not retried", null);
                }
                throw translated;
            }
        });
        List<MessageMetadata> filed = session.metadata(List.of(sent.getId()), new ArrayList<>());
        if (filed.isEmpty()) {
            throw new ProviderException(PROVIDER, ProviderException.Kind.NOT_FOUND, "the sent message is gone", null);
        }
        return filed.get(0);
    }

    @Override
    public void modify(ProviderAccount account, String providerMessageId, MessageChange change) {
        GmailSession session = session(account);
        Set<String> add = new LinkedHashSet<>();
        Set<String> remove = new LinkedHashSet<>();
        if (change.unread() != null) {
            (change.unread() ? add : remove).add("UNREAD");
        }
        if (change.archived() != null) {
            (change.archived() ? remove : add).add("INBOX");
        }
        add.addAll(session.labelIds(change.addLabels()));
        remove.addAll(session.labelIds(change.removeLabels()));
        if (add.isEmpty() && remove.isEmpty()) {
            return;
        }
        ModifyMessageRequest request = new ModifyMessageRequest().setAddLabelIds(List.copyOf(add))
                .setRemoveLabelIds(List.copyOf(remove));
        session.call("messages.modify", MODIFY,
                gmail -> gmail.users().messages().modify(ME, providerMessageId, request).execute());
    }

    @Override
    public void trash(ProviderAccount account, String providerMessageId) {
        session(account).call("messages.trash", TRASH,
                gmail -> gmail.users().messages().trash(ME, providerMessageId).execute());
    }

    /** Asks Gmail to publish this mailbox's changes to a Pub/Sub topic; renew before the expiration (7 days). */
    public GmailPush.Watch watch(ProviderAccount account, String pubSubTopic) {
        WatchResponse answer = session(account).call("users.watch", WATCH,
                gmail -> gmail.users().watch(ME, new WatchRequest().setTopicName(pubSubTopic)).execute());
        return new GmailPush.Watch(answer.getHistoryId().toString(), Instant.ofEpochMilli(answer.getExpiration()));
    }

    public void stopWatch(ProviderAccount account) {
        session(account).call("users.stop", STOP, gmail -> gmail.users().stop(ME).execute());
    }

    /** See {@link GmailPush#parse}. */
    public static GmailPush.Notification parsePush(String pushBody) {
        return GmailPush.parse(pushBody);
    }

    private List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += batchSize) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + batchSize)));
        }
        return chunks;
    }

    private static List<String> ids(ListMessagesResponse page) {
        return page.getMessages() == null ? List.of() : page.getMessages().stream().map(Message::getId).toList();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private GmailSession session(ProviderAccount account) {
        return new GmailSession(account, transport, rootUrl, pacer, usage, calls);
    }
}

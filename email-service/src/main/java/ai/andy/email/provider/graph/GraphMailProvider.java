package ai.andy.email.provider.graph;

import static ai.andy.email.provider.graph.GraphMessages.METADATA;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.messages.item.move.MovePostRequestBody;

import ai.andy.email.MailProviderKind;
import ai.andy.email.MessageMetadata;
import ai.andy.email.provider.MailProvider;
import ai.andy.email.provider.MessageChange;
import ai.andy.email.provider.MessageContent;
import ai.andy.email.provider.OutgoingMessage;
import ai.andy.email.provider.ProviderAccount;
import ai.andy.email.provider.SyncSink;

/**
 * Outlook mailboxes through Microsoft Graph (SDK v6, Kiota over OkHttp). Sync, send and push live in
 * {@link GraphSync}, {@link GraphSend} and {@link GraphSubscriptions}; how requests go out (immutable ids, retries,
 * per-mailbox concurrency, {@code $batch}) in {@link GraphRequests}; the mapping in {@link GraphMessages}.
 */
@ApplicationScoped
public class GraphMailProvider implements MailProvider {
    private static final Set<String> FOLDER_LABELS = GraphSync.WELL_KNOWN_FOLDERS.stream()
            .map(name -> name.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());

    /** A push subscription as Graph confirmed it. */
    public record PushSubscription(String subscriptionId, Instant expiresAt) {
    }

    private final GraphRequests requests;
    private final GraphSync sync;
    private final GraphSend sender;
    private final GraphSubscriptions subscriptions;

    GraphMailProvider(GraphRequests requests, GraphSync sync, GraphSend sender, GraphSubscriptions subscriptions) {
        this.requests = requests;
        this.sync = sync;
        this.sender = sender;
        this.subscriptions = subscriptions;
    }

    @Override
    public MailProviderKind kind() {
        return MailProviderKind.outlook;
    }

    @Override
    public String initialSync(ProviderAccount account, SyncSink sink) {
        return sync.initialSync(account, sink);
    }

    @Override
    public String incrementalSync(ProviderAccount account, String cursor, SyncSink sink) {
        return sync.incrementalSync(account, cursor, sink);
    }

    @Override
    public List<MessageMetadata> search(ProviderAccount account, String query, int limit) {
        if (query == null || query.isBlank() || limit <= 0) {
            return List.of();
        }
        GraphServiceClient graph = requests.client(account);
        Map<String, String> labels = sync.labels(account, graph);
        // KQL inside double quotes; quotes and backslashes in the query are escaped, not allowed to end it.
        String search = "\"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        MessageCollectionResponse page = requests.send(account, "messages.search", 1,
                () -> graph.me().messages().get(config -> {
                    config.queryParameters.search = search;
                    config.queryParameters.select = METADATA;
                    config.queryParameters.top = Math.min(limit, GraphSync.PAGE_SIZE);
                    config.headers.add("ConsistencyLevel", "eventual");
                }));
        List<MessageMetadata> found = new ArrayList<>();
        while (true) {
            for (Message message : page.getValue()) {
                if (found.size() < limit) {
                    found.add(GraphMessages.metadata(message, labels));
                }
            }
            String next = page.getOdataNextLink();
            if (next == null || found.size() >= limit) {
                break;
            }
            page = requests.send(account, "messages.search", 1, () -> graph.me().messages().withUrl(next)
                    .get(config -> config.headers.add("ConsistencyLevel", "eventual")));
        }
        // $search cannot be combined with $orderby; Graph sorts by sent time, the contract is received time.
        found.sort(Comparator.comparing(MessageMetadata::receivedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return found;
    }

    /** The body as stored (no {@code Prefer: outlook.body-content-type}): converting HTML to text would lose links. */
    @Override
    public MessageContent fetchBody(ProviderAccount account, String providerMessageId) {
        GraphServiceClient graph = requests.client(account);
        Message message = requests.send(account, "messages.get", 1, () -> graph.me().messages()
                .byMessageId(providerMessageId).get(config -> config.queryParameters.select = new String[] { "body" }));
        ItemBody body = message.getBody();
        if (body == null || body.getContent() == null) {
            return new MessageContent(null, null);
        }
        return body.getContentType() == BodyType.Html ? new MessageContent(null, body.getContent())
                : new MessageContent(body.getContent(), null);
    }

    @Override
    public MessageMetadata send(ProviderAccount account, OutgoingMessage outgoing) {
        return sender.send(account, outgoing);
    }

    /**
     * Read state and categories in one PATCH (categories are read first: Graph only replaces the whole list), then a
     * move for archive/unarchive. Folder labels (INBOX, ARCHIVE...) are not categories and are ignored here; folders
     * change through {@code archived} and {@link #trash}.
     */
    @Override
    public void modify(ProviderAccount account, String providerMessageId, MessageChange change) {
        GraphServiceClient graph = requests.client(account);
        List<String> add = change.addLabels().stream().filter(label -> !FOLDER_LABELS.contains(label)).toList();
        List<String> remove = change.removeLabels().stream().filter(label -> !FOLDER_LABELS.contains(label)).toList();
        Message patch = new Message();
        boolean dirty = false;
        if (change.unread() != null) {
            patch.setIsRead(!change.unread());
            dirty = true;
        }
        if (!add.isEmpty() || !remove.isEmpty()) {
            Message current = requests.send(account, "messages.get", 1, () -> graph.me().messages()
                    .byMessageId(providerMessageId)
                    .get(config -> config.queryParameters.select = new String[] { "categories" }));
            LinkedHashSet<String> categories =
                    new LinkedHashSet<>(current.getCategories() == null ? List.of() : current.getCategories());
            categories.addAll(add);
            categories.removeAll(remove);
            patch.setCategories(new ArrayList<>(categories));
            dirty = true;
        }
        if (dirty) {
            requests.send(account, "messages.update", 1,
                    () -> graph.me().messages().byMessageId(providerMessageId).patch(patch));
        }
        if (change.archived() != null) {
            move(account, graph, providerMessageId, change.archived() ? "archive" : "inbox");
        }
    }

    @Override
    public void trash(ProviderAccount account, String providerMessageId) {
        move(account, requests.client(account), providerMessageId, "deleteditems");
    }

    /** Subscribes to created/updated/deleted Inbox messages for close to the 7 days Graph allows. */
    public PushSubscription subscribe(ProviderAccount account, String notificationUrl, String lifecycleUrl,
            String clientState) {
        return subscriptions.subscribe(account, notificationUrl, lifecycleUrl, clientState);
    }

    /** Pushes the expiry out again; returns the new one. */
    public Instant renew(ProviderAccount account, String subscriptionId) {
        return subscriptions.renew(account, subscriptionId);
    }

    /** Deletes a subscription; one Graph no longer knows counts as deleted. */
    public void unsubscribe(ProviderAccount account, String subscriptionId) {
        subscriptions.unsubscribe(account, subscriptionId);
    }

    private void move(ProviderAccount account, GraphServiceClient graph, String messageId, String folder) {
        MovePostRequestBody body = new MovePostRequestBody();
        body.setDestinationId(folder);
        requests.send(account, "messages.move", 1, () -> graph.me().messages().byMessageId(messageId).move().post(body));
    }
}

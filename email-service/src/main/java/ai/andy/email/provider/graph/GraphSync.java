package ai.andy.email.provider.graph;

import static ai.andy.email.provider.graph.GraphErrors.PROVIDER;
import static ai.andy.email.provider.graph.GraphMessages.METADATA;
import static ai.andy.email.provider.graph.GraphMessages.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.models.BatchRequestStep;
import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.MailFolderCollectionResponse;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaRequestBuilder;

import ai.andy.email.ProviderException;
import ai.andy.email.provider.CursorExpiredException;
import ai.andy.email.provider.ProviderAccount;
import ai.andy.email.provider.SyncSink;

/**
 * Metadata sync: a full listing newest first, then the Inbox delta query whose deltaLink is the cursor for later
 * incremental syncs. Folder ids become labels (INBOX, SENTITEMS, ARCHIVE...).
 */
@ApplicationScoped
class GraphSync {
    static final int PAGE_SIZE = 100;
    /** Folders whose well-known name becomes a label; the sync cursor follows the Inbox. */
    static final List<String> WELL_KNOWN_FOLDERS =
            List.of("inbox", "sentitems", "drafts", "archive", "deleteditems", "junkemail");
    private static final String ALL_FOLDERS_STEP = "all-folders";

    private final GraphRequests requests;
    /** Per account: folder id to its label. Folder ids never change, so this is learnt once per process. */
    private final Map<UUID, Map<String, String>> folderLabels = new ConcurrentHashMap<>();

    GraphSync(GraphRequests requests) {
        this.requests = requests;
    }

    String initialSync(ProviderAccount account, SyncSink sink) {
        GraphServiceClient graph = requests.client(account);
        Map<String, String> labels = loadFolders(account, graph, sink);
        MessageCollectionResponse page = requests.send(account, "messages.list", 1,
                () -> graph.me().messages().get(config -> {
                    config.queryParameters.select = METADATA;
                    config.queryParameters.orderby = new String[] { "receivedDateTime desc" };
                    config.queryParameters.top = PAGE_SIZE;
                }));
        while (true) {
            sink.upsert(metadata(page.getValue(), labels));
            String next = page.getOdataNextLink();
            if (next == null) {
                break;
            }
            page = requests.send(account, "messages.list", 1, () -> graph.me().messages().withUrl(next).get());
        }
        // The delta round repeats the Inbox, but only its end state (the deltaLink) makes later syncs cheap; its
        // pages are upserted too, which covers whatever changed while the listing ran.
        DeltaGetResponse delta = requests.send(account, "messages.delta", 1,
                () -> inboxDelta(graph).get(config -> config.queryParameters.select = METADATA));
        return followDelta(account, graph, delta, labels, sink);
    }

    String incrementalSync(ProviderAccount account, String cursor, SyncSink sink) {
        if (cursor == null || !cursor.startsWith(requests.baseUrl() + "/")) {
            // A link from another endpoint would also be a way to send requests elsewhere; start over instead.
            throw new CursorExpiredException("cursor is not a delta link of the configured Graph endpoint");
        }
        GraphServiceClient graph = requests.client(account);
        Map<String, String> labels = labels(account, graph);
        DeltaGetResponse page = requests.send(account, "messages.delta", 1,
                () -> inboxDelta(graph).withUrl(cursor).get());
        return followDelta(account, graph, page, labels, sink);
    }

    /** The account's folder labels, fetched (one {@code $batch}) when this process has not seen the account yet. */
    Map<String, String> labels(ProviderAccount account, GraphServiceClient graph) {
        Map<String, String> known = folderLabels.get(account.accountId());
        return known != null ? known : loadFolders(account, graph, null);
    }

    private static DeltaRequestBuilder inboxDelta(GraphServiceClient graph) {
        return graph.me().mailFolders().byMailFolderId("inbox").messages().delta();
    }

    private String followDelta(ProviderAccount account, GraphServiceClient graph, DeltaGetResponse page,
            Map<String, String> labels, SyncSink sink) {
        while (true) {
            List<Message> present = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (Message message : page.getValue() == null ? List.<Message>of() : page.getValue()) {
                if (message.getAdditionalData().containsKey("@removed")) {
                    removed.add(message.getId());
                } else {
                    present.add(message);
                }
            }
            if (!present.isEmpty()) {
                sink.upsert(metadata(present, labels));
            }
            if (!removed.isEmpty()) {
                resolveRemoved(account, graph, removed, labels, sink);
            }
            if (page.getOdataDeltaLink() != null) {
                return page.getOdataDeltaLink();
            }
            String next = page.getOdataNextLink();
            if (next == null) {
                throw new ProviderException(PROVIDER, ProviderException.Kind.UNAVAILABLE,
                        "Graph ended a delta page with neither nextLink nor deltaLink", null);
            }
            page = requests.send(account, "messages.delta", 1, () -> inboxDelta(graph).withUrl(next).get());
        }
    }

    /**
     * The Inbox delta reports a message as removed both when it is deleted and when it merely left the Inbox (archived,
     * trashed, moved). One {@code $batch} per 20 ids asks for each: the ones still there are upserted with their new
     * folder (immutable ids survive the move), only the ones Graph no longer has are removed.
     */
    private void resolveRemoved(ProviderAccount account, GraphServiceClient graph, List<String> ids,
            Map<String, String> labels, SyncSink sink) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += GraphRequests.BATCH_LIMIT) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + GraphRequests.BATCH_LIMIT));
            List<BatchRequestStep> steps = chunk.stream()
                    .map(id -> requests.step(id, "me/messages/" + id + "?$select=" + String.join(",", METADATA)))
                    .toList();
            BatchResponseContent answers = requests.batch(account, graph, "messages.get", steps);
            Map<String, Integer> statuses = answers.getResponsesStatusCode();
            List<Message> moved = new ArrayList<>();
            List<String> gone = new ArrayList<>();
            for (String id : chunk) {
                if (Integer.valueOf(200).equals(statuses.get(id))) {
                    moved.add(answers.getResponseById(id, Message::createFromDiscriminatorValue));
                } else {
                    gone.add(id);
                }
            }
            if (!moved.isEmpty()) {
                sink.upsert(metadata(moved, labels));
            }
            if (!gone.isEmpty()) {
                sink.removed(gone);
            }
        }
    }

    /**
     * One {@code $batch} instead of seven round trips: each well-known folder (for its id, to label messages) and the
     * top-level folder list (whose totalItemCounts add up to the mailbox size the initial sync reports).
     */
    private Map<String, String> loadFolders(ProviderAccount account, GraphServiceClient graph, SyncSink sink) {
        List<BatchRequestStep> steps = new ArrayList<>();
        for (String name : WELL_KNOWN_FOLDERS) {
            steps.add(requests.step(name, "me/mailFolders/" + name + "?$select=id,totalItemCount"));
        }
        steps.add(requests.step(ALL_FOLDERS_STEP, "me/mailFolders?$select=id,totalItemCount&$top=100"));
        BatchResponseContent answers = requests.batch(account, graph, "mailFolders.get", steps);
        Map<String, Integer> statuses = answers.getResponsesStatusCode();
        Map<String, String> labels = new HashMap<>();
        for (String name : WELL_KNOWN_FOLDERS) {
            // A mailbox may lack some (no Archive folder yet): its step answers 404 and simply gives no label.
            if (Integer.valueOf(200).equals(statuses.get(name))) {
                MailFolder folder = answers.getResponseById(name, MailFolder::createFromDiscriminatorValue);
                labels.put(folder.getId(), name.toUpperCase(Locale.ROOT));
            }
        }
        if (sink != null && Integer.valueOf(200).equals(statuses.get(ALL_FOLDERS_STEP))) {
            MailFolderCollectionResponse all = answers.getResponseById(ALL_FOLDERS_STEP,
                    MailFolderCollectionResponse::createFromDiscriminatorValue);
            sink.total(all.getValue().stream().mapToInt(f -> f.getTotalItemCount() == null ? 0 : f.getTotalItemCount())
                    .sum());
        }
        Map<String, String> frozen = Map.copyOf(labels);
        folderLabels.put(account.accountId(), frozen);
        return frozen;
    }
}

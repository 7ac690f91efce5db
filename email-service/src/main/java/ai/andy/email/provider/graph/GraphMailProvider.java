package ai.andy.email.provider.graph;

import static ai.andy.email.provider.graph.GraphErrors.PROVIDER;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.models.BatchRequestStep;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.MailFolderCollectionResponse;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.Subscription;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaRequestBuilder;
import com.microsoft.graph.users.item.messages.item.createreply.CreateReplyPostRequestBody;
import com.microsoft.graph.users.item.messages.item.move.MovePostRequestBody;
import com.microsoft.kiota.NativeResponseHandler;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;

import ai.andy.email.MailProviderKind;
import ai.andy.email.provider.CursorExpiredException;
import ai.andy.email.provider.EmailAddress;
import ai.andy.email.provider.MailProvider;
import ai.andy.email.provider.MessageChange;
import ai.andy.email.provider.MessageContent;
import ai.andy.email.provider.MessageMetadata;
import ai.andy.email.provider.OutgoingMessage;
import ai.andy.email.provider.ProviderAccount;
import ai.andy.email.provider.ProviderCalls;
import ai.andy.email.provider.ProviderException;
import ai.andy.email.provider.SyncSink;
import ai.andy.email.provider.UsageMeter;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Outlook mailboxes through Microsoft Graph (SDK v6, Kiota over OkHttp).
 * <p>
 * Every request asks for immutable ids ({@code Prefer: IdType="ImmutableId"}): Andy stores message ids, and ordinary
 * Graph ids change whenever a message moves (archive, trash, a sent draft landing in Sent Items). Retries are
 * {@link ProviderCalls}' job, so the SDK's own retry middleware is left out. At most
 * {@value #MAX_IN_FLIGHT_PER_MAILBOX} requests per mailbox are in flight at once, Exchange's per-mailbox limit; the
 * permit is held only while a request is on the wire, never during a back-off.
 */
@ApplicationScoped
public class GraphMailProvider implements MailProvider {
    static final int MAX_IN_FLIGHT_PER_MAILBOX = 4;
    static final String[] METADATA = { "id", "conversationId", "from", "toRecipients", "ccRecipients", "subject",
            "bodyPreview", "receivedDateTime", "isRead", "categories", "parentFolderId", "hasAttachments" };
    private static final String IMMUTABLE_IDS = "IdType=\"ImmutableId\"";
    private static final int PAGE_SIZE = 100;
    /** Graph refuses JSON batches of more than 20 requests. */
    private static final int BATCH_LIMIT = 20;
    /** Folders whose well-known name becomes a label; the sync cursor follows the Inbox. */
    private static final List<String> WELL_KNOWN_FOLDERS =
            List.of("inbox", "sentitems", "drafts", "archive", "deleteditems", "junkemail");
    private static final Set<String> FOLDER_LABELS =
            WELL_KNOWN_FOLDERS.stream().map(name -> name.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    private static final String ALL_FOLDERS_STEP = "all-folders";
    /** Message subscriptions live at most 10,080 minutes; an hour less leaves room for clock skew. */
    private static final Duration SUBSCRIPTION_LIFETIME = Duration.ofMinutes(10_080 - 60);

    /** A push subscription as Graph confirmed it. */
    public record PushSubscription(String subscriptionId, Instant expiresAt) {
    }

    private final String baseUrl;
    private final AllowedHostsValidator graphHost;
    private final UsageMeter usage;
    private final ProviderCalls calls = ProviderCalls.withDefaults(PROVIDER);
    private final OkHttpClient http;
    private final Map<UUID, Semaphore> inFlight = new ConcurrentHashMap<>();
    /** Per account: folder id to its label. Folder ids never change, so this is learnt once per process. */
    private final Map<UUID, Map<String, String>> folderLabels = new ConcurrentHashMap<>();

    GraphMailProvider(@ConfigProperty(name = "andy.graph.base-url") String baseUrl, UsageMeter usage) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String path = URI.create(this.baseUrl).getPath();
        // The SDK's batch content cuts the first five characters of each step's path ("/v1.0" or "/beta").
        if (!"/v1.0".equals(path) && !"/beta".equals(path)) {
            throw new IllegalArgumentException("andy.graph.base-url must end in /v1.0 or /beta");
        }
        this.graphHost = new AllowedHostsValidator(URI.create(this.baseUrl).getHost());
        this.usage = usage;
        List<Interceptor> interceptors = Arrays.stream(GraphClientFactory.createDefaultGraphInterceptors(
                new GraphClientOption())).filter(interceptor -> !(interceptor instanceof RetryHandler))
                .collect(Collectors.toCollection(ArrayList::new));
        interceptors.add(chain -> chain.proceed(chain.request().newBuilder().addHeader("Prefer", IMMUTABLE_IDS).build()));
        this.http = GraphClientFactory.create(interceptors).build();
    }

    @Override
    public MailProviderKind kind() {
        return MailProviderKind.outlook;
    }

    // ---- sync -------------------------------------------------------------------------------------------------

    @Override
    public String initialSync(ProviderAccount account, SyncSink sink) {
        GraphServiceClient graph = graph(account);
        Map<String, String> labels = loadFolders(account, graph, sink);
        MessageCollectionResponse page = request(account, "messages.list", 1, () -> graph.me().messages().get(config -> {
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
            page = request(account, "messages.list", 1, () -> graph.me().messages().withUrl(next).get());
        }
        // The delta round repeats the Inbox, but only its end state (the deltaLink) makes later syncs cheap; its
        // pages are upserted too, which covers whatever changed while the listing ran.
        DeltaGetResponse delta = request(account, "messages.delta", 1,
                () -> inboxDelta(graph).get(config -> config.queryParameters.select = METADATA));
        return followDelta(account, graph, delta, labels, sink);
    }

    @Override
    public String incrementalSync(ProviderAccount account, String cursor, SyncSink sink) {
        if (cursor == null || !cursor.startsWith(baseUrl + "/")) {
            // A link from another endpoint would also be a way to send requests elsewhere; start over instead.
            throw new CursorExpiredException("cursor is not a delta link of the configured Graph endpoint");
        }
        GraphServiceClient graph = graph(account);
        Map<String, String> labels = labels(account, graph);
        DeltaGetResponse page = request(account, "messages.delta", 1, () -> inboxDelta(graph).withUrl(cursor).get());
        return followDelta(account, graph, page, labels, sink);
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
            page = request(account, "messages.delta", 1, () -> inboxDelta(graph).withUrl(next).get());
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
        for (int from = 0; from < distinct.size(); from += BATCH_LIMIT) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + BATCH_LIMIT));
            List<BatchRequestStep> steps = chunk.stream()
                    .map(id -> step(id, "me/messages/" + id + "?$select=" + String.join(",", METADATA))).toList();
            BatchResponseContent answers = batch(account, graph, "messages.get", steps);
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

    /** The account's folder labels, fetched (one {@code $batch}) when this process has not seen the account yet. */
    private Map<String, String> labels(ProviderAccount account, GraphServiceClient graph) {
        Map<String, String> known = folderLabels.get(account.accountId());
        return known != null ? known : loadFolders(account, graph, null);
    }

    /**
     * One {@code $batch} instead of seven round trips: each well-known folder (for its id, to label messages) and the
     * top-level folder list (whose totalItemCounts add up to the mailbox size the initial sync reports).
     */
    private Map<String, String> loadFolders(ProviderAccount account, GraphServiceClient graph, SyncSink sink) {
        List<BatchRequestStep> steps = new ArrayList<>();
        for (String name : WELL_KNOWN_FOLDERS) {
            steps.add(step(name, "me/mailFolders/" + name + "?$select=id,totalItemCount"));
        }
        steps.add(step(ALL_FOLDERS_STEP, "me/mailFolders?$select=id,totalItemCount&$top=100"));
        BatchResponseContent answers = batch(account, graph, "mailFolders.get", steps);
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
            MailFolderCollectionResponse all =
                    answers.getResponseById(ALL_FOLDERS_STEP, MailFolderCollectionResponse::createFromDiscriminatorValue);
            sink.total(all.getValue().stream().mapToInt(f -> f.getTotalItemCount() == null ? 0 : f.getTotalItemCount())
                    .sum());
        }
        Map<String, String> frozen = Map.copyOf(labels);
        folderLabels.put(account.accountId(), frozen);
        return frozen;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    @Override
    public List<MessageMetadata> search(ProviderAccount account, String query, int limit) {
        if (query == null || query.isBlank() || limit <= 0) {
            return List.of();
        }
        GraphServiceClient graph = graph(account);
        Map<String, String> labels = labels(account, graph);
        // KQL inside double quotes; quotes and backslashes in the query are escaped, not allowed to end it.
        String search = "\"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        MessageCollectionResponse page = request(account, "messages.search", 1, () -> graph.me().messages().get(config -> {
            config.queryParameters.search = search;
            config.queryParameters.select = METADATA;
            config.queryParameters.top = Math.min(limit, PAGE_SIZE);
            config.headers.add("ConsistencyLevel", "eventual");
        }));
        List<MessageMetadata> found = new ArrayList<>();
        while (true) {
            for (Message message : page.getValue()) {
                if (found.size() < limit) {
                    found.add(metadata(message, labels));
                }
            }
            String next = page.getOdataNextLink();
            if (next == null || found.size() >= limit) {
                break;
            }
            page = request(account, "messages.search", 1, () -> graph.me().messages().withUrl(next)
                    .get(config -> config.headers.add("ConsistencyLevel", "eventual")));
        }
        // $search cannot be combined with $orderby; Graph sorts by sent time, the contract is received time.
        found.sort(Comparator.comparing(MessageMetadata::receivedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return found;
    }

    /** The body as stored (no {@code Prefer: outlook.body-content-type}): converting HTML to text would lose links. */
    @Override
    public MessageContent fetchBody(ProviderAccount account, String providerMessageId) {
        GraphServiceClient graph = graph(account);
        Message message = request(account, "messages.get", 1, () -> graph.me().messages().byMessageId(providerMessageId)
                .get(config -> config.queryParameters.select = new String[] { "body" }));
        ItemBody body = message.getBody();
        if (body == null || body.getContent() == null) {
            return new MessageContent(null, null);
        }
        return body.getContentType() == BodyType.Html ? new MessageContent(null, body.getContent())
                : new MessageContent(body.getContent(), null);
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    /**
     * A draft (new message: {@code POST /me/messages}; reply: {@code POST /me/messages/{id}/createReply}, which sets
     * the conversation and the In-Reply-To/References headers) and then {@code POST .../send}. Not {@code sendMail} or
     * {@code reply}: those answer 202 with no id, while the draft's immutable id stays the id of the copy in Sent Items.
     */
    @Override
    public MessageMetadata send(ProviderAccount account, OutgoingMessage outgoing) {
        GraphServiceClient graph = graph(account);
        Message draft;
        if (outgoing.inReplyTo() == null) {
            Message message = new Message();
            message.setSubject(outgoing.subject());
            message.setBody(textBody(outgoing.body()));
            message.setToRecipients(recipients(outgoing.to()));
            message.setCcRecipients(recipients(outgoing.cc()));
            message.setBccRecipients(recipients(outgoing.bcc()));
            draft = request(account, "messages.create", 1, () -> graph.me().messages().post(message));
        } else {
            CreateReplyPostRequestBody reply = new CreateReplyPostRequestBody();
            // The text goes in as comment so Outlook keeps the quoted original below it (comment and message.body
            // are mutually exclusive). Recipients and subject only when given: Graph defaults them from the original.
            reply.setComment(outgoing.body());
            Message overrides = new Message();
            boolean override = false;
            if (!outgoing.to().isEmpty()) {
                overrides.setToRecipients(recipients(outgoing.to()));
                override = true;
            }
            if (!outgoing.cc().isEmpty()) {
                overrides.setCcRecipients(recipients(outgoing.cc()));
                override = true;
            }
            if (!outgoing.bcc().isEmpty()) {
                overrides.setBccRecipients(recipients(outgoing.bcc()));
                override = true;
            }
            if (outgoing.subject() != null && !outgoing.subject().isBlank()) {
                overrides.setSubject(outgoing.subject());
                override = true;
            }
            if (override) {
                reply.setMessage(overrides);
            }
            draft = request(account, "messages.createReply", 1,
                    () -> graph.me().messages().byMessageId(outgoing.inReplyTo()).createReply().post(reply));
        }
        String draftId = draft.getId();
        request(account, "messages.send", 1, () -> {
            graph.me().messages().byMessageId(draftId).send().post();
            return null;
        });
        return sentMetadata(account, draft, outgoing);
    }

    /** What was sent, from the draft Graph returned, falling back to what Andy asked for where the draft is silent. */
    private static MessageMetadata sentMetadata(ProviderAccount account, Message draft, OutgoingMessage outgoing) {
        EmailAddress from = draft.getFrom() != null ? address(draft.getFrom())
                : new EmailAddress(account.displayName(), account.address());
        List<EmailAddress> to = draft.getToRecipients() != null && !draft.getToRecipients().isEmpty()
                ? addresses(draft.getToRecipients()) : outgoing.to();
        List<EmailAddress> cc = draft.getCcRecipients() != null && !draft.getCcRecipients().isEmpty()
                ? addresses(draft.getCcRecipients()) : outgoing.cc();
        String subject = draft.getSubject() != null ? draft.getSubject() : outgoing.subject();
        String snippet = draft.getBodyPreview() != null ? draft.getBodyPreview() : preview(outgoing.body());
        return new MessageMetadata(draft.getId(), draft.getConversationId(), from, to, cc, subject, snippet,
                Instant.now(), false, List.of("SENTITEMS"), Boolean.TRUE.equals(draft.getHasAttachments()));
    }

    /**
     * Read state and categories in one PATCH (categories are read first: Graph only replaces the whole list), then a
     * move for archive/unarchive. Folder labels (INBOX, ARCHIVE...) are not categories and are ignored here; folders
     * change through {@code archived} and {@link #trash}.
     */
    @Override
    public void modify(ProviderAccount account, String providerMessageId, MessageChange change) {
        GraphServiceClient graph = graph(account);
        List<String> add = change.addLabels().stream().filter(label -> !FOLDER_LABELS.contains(label)).toList();
        List<String> remove = change.removeLabels().stream().filter(label -> !FOLDER_LABELS.contains(label)).toList();
        Message patch = new Message();
        boolean dirty = false;
        if (change.unread() != null) {
            patch.setIsRead(!change.unread());
            dirty = true;
        }
        if (!add.isEmpty() || !remove.isEmpty()) {
            Message current = request(account, "messages.get", 1, () -> graph.me().messages()
                    .byMessageId(providerMessageId).get(config -> config.queryParameters.select = new String[] { "categories" }));
            LinkedHashSet<String> categories =
                    new LinkedHashSet<>(current.getCategories() == null ? List.of() : current.getCategories());
            categories.addAll(add);
            categories.removeAll(remove);
            patch.setCategories(new ArrayList<>(categories));
            dirty = true;
        }
        if (dirty) {
            request(account, "messages.update", 1,
                    () -> graph.me().messages().byMessageId(providerMessageId).patch(patch));
        }
        if (change.archived() != null) {
            move(account, graph, providerMessageId, change.archived() ? "archive" : "inbox");
        }
    }

    @Override
    public void trash(ProviderAccount account, String providerMessageId) {
        move(account, graph(account), providerMessageId, "deleteditems");
    }

    private void move(ProviderAccount account, GraphServiceClient graph, String messageId, String folder) {
        MovePostRequestBody body = new MovePostRequestBody();
        body.setDestinationId(folder);
        request(account, "messages.move", 1, () -> graph.me().messages().byMessageId(messageId).move().post(body));
    }

    // ---- push -------------------------------------------------------------------------------------------------

    /**
     * Subscribes to created/updated/deleted messages in the Inbox (the folder the delta cursor follows), for close to
     * the 7 days Graph allows. Graph first calls {@code notificationUrl} with a validationToken to echo.
     */
    public PushSubscription subscribe(ProviderAccount account, String notificationUrl, String lifecycleUrl,
            String clientState) {
        GraphServiceClient graph = graph(account);
        Subscription subscription = new Subscription();
        subscription.setChangeType("created,updated,deleted");
        subscription.setResource("me/mailFolders('inbox')/messages");
        subscription.setNotificationUrl(notificationUrl);
        subscription.setLifecycleNotificationUrl(lifecycleUrl);
        subscription.setClientState(clientState);
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(SUBSCRIPTION_LIFETIME);
        subscription.setExpirationDateTime(expires);
        Subscription created = request(account, "subscriptions.create", 1, () -> graph.subscriptions().post(subscription));
        return new PushSubscription(created.getId(), expiry(created, expires));
    }

    /** Pushes the expiry out again; returns the new one. */
    public Instant renew(ProviderAccount account, String subscriptionId) {
        GraphServiceClient graph = graph(account);
        Subscription patch = new Subscription();
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(SUBSCRIPTION_LIFETIME);
        patch.setExpirationDateTime(expires);
        Subscription renewed = request(account, "subscriptions.renew", 1,
                () -> graph.subscriptions().bySubscriptionId(subscriptionId).patch(patch));
        return expiry(renewed, expires);
    }

    /** Deletes a subscription; one Graph no longer knows counts as deleted. */
    public void unsubscribe(ProviderAccount account, String subscriptionId) {
        GraphServiceClient graph = graph(account);
        try {
            request(account, "subscriptions.delete", 1, () -> {
                graph.subscriptions().bySubscriptionId(subscriptionId).delete();
                return null;
            });
        } catch (ProviderException failure) {
            if (failure.kind() != ProviderException.Kind.NOT_FOUND) {
                throw failure;
            }
        }
    }

    private static Instant expiry(Subscription answer, OffsetDateTime asked) {
        return (answer != null && answer.getExpirationDateTime() != null ? answer.getExpirationDateTime() : asked)
                .toInstant();
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface GraphRequest<T> {
        T send() throws IOException;
    }

    /**
     * One Graph request (or one {@code $batch}, counted as its parts) under retries, the breaker and the mailbox's
     * concurrency permit.
     */
    private <T> T request(ProviderAccount account, String operation, int units, GraphRequest<T> request) {
        Semaphore permits = inFlight.computeIfAbsent(account.accountId(),
                id -> new Semaphore(MAX_IN_FLIGHT_PER_MAILBOX, true));
        return calls.call(() -> {
            permits.acquire();
            try {
                usage.record(account.userId(), PROVIDER, operation, units);
                return request.send();
            } catch (IOException io) {
                throw new ProviderCalls.Retryable(0, null, io);
            } catch (RuntimeException failure) {
                throw GraphErrors.translate(failure, operation);
            } finally {
                permits.release();
            }
        });
    }

    /**
     * Sends a JSON batch through the SDK's batch content. The raw answer is read here because the SDK's batch builder
     * does not fail on a throttled batch; a throttled or failing step fails the whole batch so it is retried as one
     * (batches here only read).
     */
    private BatchResponseContent batch(ProviderAccount account, GraphServiceClient graph, String operation,
            List<BatchRequestStep> steps) {
        return request(account, operation, steps.size(), () -> {
            // Step by step: the SDK's list constructor refuses a full batch of 20 (it checks size >= 20).
            BatchRequestContent content = new BatchRequestContent(graph);
            for (BatchRequestStep step : steps) {
                if (!content.addBatchRequestStep(step)) {
                    throw new IllegalStateException("batch step refused: duplicate id or more than " + BATCH_LIMIT);
                }
            }
            RequestInformation info = graph.getBatchRequestBuilder().toPostRequestInformation(content);
            NativeResponseHandler handler = new NativeResponseHandler();
            info.setResponseHandler(handler);
            graph.getRequestAdapter().sendPrimitive(info, new HashMap<>(), InputStream.class);
            try (Response response = (Response) handler.getValue()) {
                if (!response.isSuccessful()) {
                    throw GraphErrors.forStatus(response.code(), response.header("Retry-After"), null, "$batch");
                }
                BatchResponseContent answers = new BatchResponseContent(response);
                for (Map.Entry<String, Integer> status : answers.getResponsesStatusCode().entrySet()) {
                    if (status.getValue() == 429 || status.getValue() >= 500) {
                        throw GraphErrors.forStatus(status.getValue(),
                                answers.getResponseById(status.getKey()).header("Retry-After"), null, operation);
                    }
                }
                return answers;
            }
        });
    }

    /**
     * A batch step addressed relative to the Graph root. Built directly rather than from the fluent API: the SDK's
     * {@code me()} paths only become {@code /me} in middleware, which batch steps never pass through, and converting
     * would copy the bearer token into the batch body.
     */
    private BatchRequestStep step(String id, String pathAndQuery) {
        Request request = new Request.Builder().url(baseUrl + "/" + pathAndQuery).header("Prefer", IMMUTABLE_IDS).get()
                .build();
        return new BatchRequestStep(id, request);
    }

    /** A client for one call: cheap, as all of them share one OkHttp connection pool. */
    private GraphServiceClient graph(ProviderAccount account) {
        GraphServiceClient graph = new GraphServiceClient(
                new BaseBearerTokenAuthenticationProvider(new AccountToken(account, graphHost)), http);
        graph.getRequestAdapter().setBaseUrl(baseUrl);
        return graph;
    }

    /** The account's token, only for the Graph host and never in clear text beyond this machine (the test fake). */
    private record AccountToken(ProviderAccount account, AllowedHostsValidator hosts) implements AccessTokenProvider {
        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
            if (!hosts.isUrlHostValid(uri) || !("https".equalsIgnoreCase(uri.getScheme()) || loopback(uri.getHost()))) {
                return "";
            }
            return account.accessToken().get();
        }

        @Override
        public AllowedHostsValidator getAllowedHostsValidator() {
            return hosts;
        }

        private static boolean loopback(String host) {
            try {
                return "localhost".equalsIgnoreCase(host) || InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException unknown) {
                return false;
            }
        }
    }

    // ---- mapping ----------------------------------------------------------------------------------------------

    private static List<MessageMetadata> metadata(List<Message> messages, Map<String, String> labels) {
        return messages == null ? List.of() : messages.stream().map(message -> metadata(message, labels)).toList();
    }

    /** Labels: the well-known folder's name in upper case where known, then the categories as they are. */
    static MessageMetadata metadata(Message message, Map<String, String> folderLabels) {
        List<String> labels = new ArrayList<>();
        String folder = message.getParentFolderId() == null ? null : folderLabels.get(message.getParentFolderId());
        if (folder != null) {
            labels.add(folder);
        }
        if (message.getCategories() != null) {
            labels.addAll(message.getCategories());
        }
        return new MessageMetadata(message.getId(), message.getConversationId(), address(message.getFrom()),
                addresses(message.getToRecipients()), addresses(message.getCcRecipients()), message.getSubject(),
                message.getBodyPreview(),
                message.getReceivedDateTime() == null ? null : message.getReceivedDateTime().toInstant(),
                Boolean.FALSE.equals(message.getIsRead()), labels, Boolean.TRUE.equals(message.getHasAttachments()));
    }

    private static EmailAddress address(Recipient recipient) {
        if (recipient == null || recipient.getEmailAddress() == null) {
            return null;
        }
        return new EmailAddress(recipient.getEmailAddress().getName(), recipient.getEmailAddress().getAddress());
    }

    private static List<EmailAddress> addresses(List<Recipient> recipients) {
        return recipients == null ? List.of()
                : recipients.stream().map(GraphMailProvider::address).filter(a -> a != null).toList();
    }

    private static List<Recipient> recipients(List<EmailAddress> addresses) {
        return addresses.stream().map(address -> {
            com.microsoft.graph.models.EmailAddress graphAddress = new com.microsoft.graph.models.EmailAddress();
            graphAddress.setName(address.name());
            graphAddress.setAddress(address.address());
            Recipient recipient = new Recipient();
            recipient.setEmailAddress(graphAddress);
            return recipient;
        }).collect(Collectors.toCollection(ArrayList::new));
    }

    private static ItemBody textBody(String text) {
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Text);
        body.setContent(text == null ? "" : text);
        return body;
    }

    private static String preview(String body) {
        return body == null ? null : body.substring(0, Math.min(body.length(), 255));
    }
}

package ai.andy.email.provider.graph;

import static ai.andy.email.fakes.FakeGraph.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import ai.andy.email.fakes.FakeGraph;
import ai.andy.email.fakes.FakeGraph.FakeMessage;
import ai.andy.email.provider.CursorExpiredException;
import ai.andy.email.EmailAddress;
import ai.andy.email.provider.MessageChange;
import ai.andy.email.provider.MessageContent;
import ai.andy.email.MessageMetadata;
import ai.andy.email.provider.OutgoingMessage;
import ai.andy.email.provider.ProviderAccount;
import ai.andy.email.ProviderException;
import ai.andy.email.provider.SyncSink;
import ai.andy.testsupport.AndyServiceTest;
import ai.andy.testsupport.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@AndyServiceTest(service = "email", providerFake = "andy.email.graph.base-url=/v1.0")
class GraphMailProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    GraphMailProvider graph;

    private FakeGraph fake;
    private String token;
    private ProviderAccount account;

    @BeforeEach
    void setUp() {
        fake = new FakeGraph(wireMock);
        token = "graph-token-" + UUID.randomUUID();
        account = account(token);
    }

    @Test
    void initialSyncBringsEveryMessagesMetadataNewestFirstAndEndsWithTheDeltaLink() throws Exception {
        fake.mailbox(320, 50);
        RecordingSink sink = new RecordingSink();

        String cursor = graph.initialSync(account, sink);

        List<FakeMessage> mailbox = fake.messages();
        assertThat(sink.total).isEqualTo(mailbox.size());
        List<MessageMetadata> listed = sink.upserted().subList(0, mailbox.size());
        assertThat(listed).containsExactlyElementsOf(mailbox.stream().map(this::expected).toList());
        assertThat(listed).isSortedAccordingTo(Comparator.comparing(MessageMetadata::receivedAt).reversed());
        // What follows is the delta round over the Inbox that established the cursor.
        assertThat(sink.upserted().subList(mailbox.size(), sink.upserted().size()))
                .containsExactlyInAnyOrderElementsOf(fake.inFolder("inbox").stream().map(this::expected).toList());
        assertThat(sink.removed).isEmpty();
        assertThat(cursor).isEqualTo(fake.currentDeltaLink());

        List<ServeEvent> requests = fake.requests(e -> true);
        assertThat(requests).allSatisfy(e -> {
            assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + token);
            assertThat(e.getRequest().header("Prefer").values()).contains("IdType=\"ImmutableId\"");
        });
        List<ServeEvent> listings = fake.requests(path("/me/messages").or(path("/me/mailFolders/inbox/messages/delta")));
        // Links Graph hands out may carry the $select inside their tokens; every $select sent names metadata only.
        List<ServeEvent> selecting = listings.stream().filter(e -> e.getRequest().queryParameter("$select").isPresent())
                .toList();
        assertThat(listings).hasSizeGreaterThan(mailbox.size() / 50);
        assertThat(selecting).contains(listings.get(0)).allSatisfy(e -> {
            List<String> select = List.of(e.getRequest().queryParameter("$select").firstValue().split(","));
            assertThat(select).doesNotContain("body").containsAll(FakeGraph.metadataFields());
        });
        assertThat(selecting).anySatisfy(e -> assertThat(e.getRequest().getUrl()).contains("/delta"));
        // Folder ids (for labels) and counts (for the total) came in one $batch, which carries no token in its body.
        List<ServeEvent> batches = fake.requests(path("/$batch"));
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).getRequest().getBodyAsString()).doesNotContain(token);
        assertThat(batchSize(batches.get(0))).isLessThanOrEqualTo(20);
    }

    @Test
    void incrementalSyncReportsNewChangedMovedAndDeletedMessages() throws Exception {
        fake.mailbox(60, 25);
        String cursor = graph.initialSync(account, new RecordingSink());
        int batchesBefore = fake.requests(path("/$batch")).size();
        FakeGraph.Changes changes = fake.changeMailbox(3, 4, 12, 10);
        RecordingSink sink = new RecordingSink();

        String next = graph.incrementalSync(account, cursor, sink);

        assertThat(next).isEqualTo(fake.currentDeltaLink()).isNotEqualTo(cursor);
        List<String> stillThere = new ArrayList<>(changes.added());
        stillThere.addAll(changes.changed());
        stillThere.addAll(changes.movedOut());
        assertThat(sink.upserted()).containsExactlyInAnyOrderElementsOf(
                stillThere.stream().map(id -> expected(fake.message(id))).toList());
        assertThat(sink.upserted()).filteredOn(m -> changes.movedOut().contains(m.providerId()))
                .allSatisfy(m -> assertThat(m.labels()).contains("ARCHIVE").doesNotContain("INBOX"));
        assertThat(sink.removed).containsExactlyInAnyOrderElementsOf(changes.deleted());
        // Every @removed id was looked up in $batches of at most 20.
        List<ServeEvent> lookups = fake.requests(path("/$batch"));
        lookups = lookups.subList(batchesBefore, lookups.size());
        int removedCount = changes.deleted().size() + changes.movedOut().size();
        assertThat(lookups).hasSize((removedCount + 19) / 20);
        assertThat(lookups.stream().mapToInt(GraphMailProviderTest::batchSize).sum()).isEqualTo(removedCount);
        assertThat(lookups).allSatisfy(b -> assertThat(batchSize(b)).isLessThanOrEqualTo(20));

        RecordingSink quiet = new RecordingSink();
        assertThat(graph.incrementalSync(account, next, quiet)).isEqualTo(next);
        assertThat(quiet.upserted()).isEmpty();
        assertThat(quiet.removed).isEmpty();
    }

    @Test
    void expiredOrForeignDeltaLinkAsksForAFullResync() {
        fake.mailbox(20, 10);
        String cursor = graph.initialSync(account, new RecordingSink());
        fake.expireDeltaTokens();

        assertThatThrownBy(() -> graph.incrementalSync(account, cursor, new RecordingSink()))
                .isInstanceOf(CursorExpiredException.class);
        assertThatThrownBy(() -> graph.incrementalSync(account,
                "https://elsewhere.example/v1.0/me/mailFolders/inbox/messages/delta?$deltatoken=x", new RecordingSink()))
                .isInstanceOf(CursorExpiredException.class);
    }

    @Test
    void searchAsksGraphAndKeepsTheNewestUpToTheLimit() {
        fake.mailbox(120, 10);
        String word = FakeGraph.SUBJECT_WORDS.get(0);
        List<FakeMessage> hits = fake.messages().stream().filter(m -> m.subject().contains(word)).toList();
        int limit = Math.min(hits.size() - 1, 15);

        List<MessageMetadata> found = graph.search(account, word, limit);

        assertThat(found).containsExactlyElementsOf(hits.subList(0, limit).stream().map(this::expected).toList());
        assertThat(fake.requests(e -> e.getRequest().queryParameter("$search").isPresent()))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getRequest().getHeader("ConsistencyLevel")).isEqualTo("eventual"));
    }

    @Test
    void fetchBodyReturnsTheHtmlOrTextPartAsStored() {
        fake.mailbox(30, 10);
        FakeMessage html = fake.messages().stream().filter(FakeMessage::html).findFirst().orElseThrow();
        FakeMessage text = fake.messages().stream().filter(m -> !m.html()).findFirst().orElseThrow();

        assertThat(graph.fetchBody(account, html.id())).isEqualTo(new MessageContent(null, html.body()));
        assertThat(graph.fetchBody(account, text.id())).isEqualTo(new MessageContent(text.body(), null));
        assertThatThrownBy(() -> graph.fetchBody(account, "AAMk-no-such-message"))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
    }

    @Test
    void sendCreatesADraftWithTheRecipientsAndSendsIt() throws Exception {
        fake.mailbox(5, 10);
        EmailAddress to = new EmailAddress("Ada", "ada@fabrikam.example");
        EmailAddress cc = new EmailAddress(null, "bo@fabrikam.example");
        EmailAddress bcc = new EmailAddress(null, "cy@fabrikam.example");
        OutgoingMessage outgoing = new OutgoingMessage(List.of(to), List.of(cc), List.of(bcc), "Quarterly numbers",
                "Here they are.", null);

        MessageMetadata sent = graph.send(account, outgoing);

        ServeEvent create = single(e -> e.getRequest().getMethod().getName().equals("POST")
                && e.getRequest().getUrl().equals("/v1.0/me/messages"));
        JsonNode draft = JSON.readTree(create.getRequest().getBodyAsString());
        assertThat(draft.path("subject").asText()).isEqualTo(outgoing.subject());
        assertThat(draft.path("body").path("contentType").asText()).isEqualToIgnoringCase("text");
        assertThat(draft.path("body").path("content").asText()).isEqualTo(outgoing.body());
        assertThat(addresses(draft.path("toRecipients"))).containsExactly(to.address());
        assertThat(addresses(draft.path("ccRecipients"))).containsExactly(cc.address());
        assertThat(addresses(draft.path("bccRecipients"))).containsExactly(bcc.address());
        String draftId = JSON.readTree(create.getResponse().getBodyAsString()).path("id").asText();
        single(e -> e.getRequest().getUrl().equals("/v1.0/me/messages/" + draftId + "/send"));

        assertThat(sent.providerId()).isEqualTo(draftId);
        assertThat(sent.to()).containsExactly(to);
        assertThat(sent.cc()).containsExactly(cc);
        assertThat(sent.subject()).isEqualTo(outgoing.subject());
        assertThat(sent.labels()).contains("SENTITEMS");
        assertThat(sent.unread()).isFalse();
    }

    @Test
    void replyGoesThroughCreateReplyOnTheOriginalAndSendsThatDraft() throws Exception {
        fake.mailbox(5, 10);
        FakeMessage original = fake.inFolder("inbox").get(0);

        MessageMetadata sent = graph.send(account,
                new OutgoingMessage(List.of(), List.of(), List.of(), null, "Sounds good.", original.id()));

        ServeEvent createReply = single(path("/me/messages/" + original.id() + "/createReply"));
        JsonNode body = JSON.readTree(createReply.getRequest().getBodyAsString());
        assertThat(field(body, "comment").asText()).isEqualTo("Sounds good.");
        assertThat(field(body, "message").isMissingNode()).isTrue();
        String draftId = JSON.readTree(createReply.getResponse().getBodyAsString()).path("id").asText();
        single(e -> e.getRequest().getUrl().equals("/v1.0/me/messages/" + draftId + "/send"));
        assertThat(sent.providerId()).isEqualTo(draftId);
        assertThat(sent.threadId()).isEqualTo(original.conversationId());
        assertThat(sent.to()).containsExactly(original.from());
    }

    @Test
    void modifyPatchesReadStateAndCategoriesThenArchivesAndTrashMovesToDeletedItems() throws Exception {
        fake.mailbox(40, 10);
        FakeMessage message = fake.inFolder("inbox").stream().filter(m -> !m.categories().isEmpty()).findFirst()
                .orElseThrow();
        String dropped = message.categories().get(0);

        graph.modify(account, message.id(), new MessageChange(true, true, List.of("Follow up"), List.of(dropped, "INBOX")));

        JsonNode patch = JSON.readTree(single(e -> e.getRequest().getMethod().getName().equals("PATCH"))
                .getRequest().getBodyAsString());
        assertThat(patch.path("isRead").asBoolean(true)).isFalse();
        List<String> expectedCategories = new ArrayList<>(message.categories());
        expectedCategories.remove(dropped);
        expectedCategories.add("Follow up");
        List<String> categories = new ArrayList<>();
        patch.path("categories").forEach(c -> categories.add(c.asText()));
        assertThat(categories).containsExactlyElementsOf(expectedCategories);
        assertThat(destination(single(path("/me/messages/" + message.id() + "/move")))).isEqualTo("archive");

        FakeMessage other = fake.inFolder("inbox").get(1);
        graph.trash(account, other.id());
        assertThat(destination(single(path("/me/messages/" + other.id() + "/move")))).isEqualTo("deleteditems");
    }

    @Test
    void throttlingIsWaitedOutAsRetryAfterSays() {
        fake.mailbox(10, 10);
        FakeMessage message = fake.messages().get(0);
        fake.throttleNext(3, 1);

        MessageContent body = graph.fetchBody(account, message.id());

        assertThat(body.text() != null ? body.text() : body.html()).isEqualTo(message.body());
        List<ServeEvent> attempts = fake.requests(path("/me/messages/" + message.id()));
        assertThat(attempts).hasSize(4);
        for (int i = 1; i < attempts.size(); i++) {
            long gap = attempts.get(i).getRequest().getLoggedDate().getTime()
                    - attempts.get(i - 1).getRequest().getLoggedDate().getTime();
            assertThat(gap).as("wait before attempt %d", i + 1).isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void unavailableGraphIsRetriedToo() {
        fake.mailbox(10, 10);
        FakeMessage message = fake.messages().get(0);
        fake.unavailableForNext(2, 1);

        MessageContent body = graph.fetchBody(account, message.id());

        assertThat(body.text() != null ? body.text() : body.html()).isEqualTo(message.body());
        List<ServeEvent> attempts = fake.requests(path("/me/messages/" + message.id()));
        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(2).getRequest().getLoggedDate().getTime()
                - attempts.get(1).getRequest().getLoggedDate().getTime()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void neverMoreThanFourRequestsInFlightPerMailbox() throws Exception {
        fake.mailbox(24, 10);
        fake.slowDown(Duration.ofMillis(250));
        ProviderAccount other = account("graph-token-" + UUID.randomUUID());
        List<FakeMessage> messages = fake.messages();
        int callersPerMailbox = 10;
        ExecutorService pool = Executors.newFixedThreadPool(2 * callersPerMailbox);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MessageContent>> results = new ArrayList<>();
        try {
            for (int i = 0; i < callersPerMailbox; i++) {
                for (ProviderAccount mailbox : List.of(account, other)) {
                    String id = messages.get(results.size() % messages.size()).id();
                    results.add(pool.submit(() -> {
                        start.await();
                        return graph.fetchBody(mailbox, id);
                    }));
                }
            }
            start.countDown();
            for (Future<MessageContent> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }

        Predicate<ServeEvent> first = e -> ("Bearer " + token).equals(e.getRequest().getHeader("Authorization"));
        Predicate<ServeEvent> second = e -> ("Bearer " + other.accessToken().get()).equals(e.getRequest().getHeader("Authorization"));
        assertThat(fake.requests(first)).hasSize(callersPerMailbox);
        assertThat(fake.maxInFlight(first)).isBetween(2, GraphRequests.MAX_IN_FLIGHT_PER_MAILBOX);
        assertThat(fake.maxInFlight(second)).isBetween(2, GraphRequests.MAX_IN_FLIGHT_PER_MAILBOX);
        // The limit is per mailbox: two mailboxes together went beyond it.
        assertThat(fake.maxInFlight(e -> true)).isGreaterThan(GraphRequests.MAX_IN_FLIGHT_PER_MAILBOX);
    }

    @Test
    void refusedTokenIsUnauthorizedAndTheMessageLeaksNothing() {
        fake.mailbox(5, 10);
        fake.refuseToken(token);
        FakeMessage message = fake.messages().get(0);

        assertThatThrownBy(() -> graph.fetchBody(account, message.id()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).doesNotContain(token).doesNotContain(message.id())
                            .doesNotContain(account.address());
                });
    }

    @Test
    void subscriptionsAreCreatedRenewedAndDeleted() throws Exception {
        fake.mailbox(1, 10);
        Instant before = Instant.now();

        GraphMailProvider.PushSubscription subscription = graph.subscribe(account,
                "https://andy.example/graph/notify", "https://andy.example/graph/lifecycle", "s3cret-state");

        JsonNode created = JSON.readTree(single(path("/subscriptions")).getRequest().getBodyAsString());
        assertThat(created.path("notificationUrl").asText()).isEqualTo("https://andy.example/graph/notify");
        assertThat(created.path("lifecycleNotificationUrl").asText()).isEqualTo("https://andy.example/graph/lifecycle");
        assertThat(created.path("clientState").asText()).isEqualTo("s3cret-state");
        assertThat(created.path("changeType").asText()).contains("created").contains("updated").contains("deleted");
        assertThat(created.path("resource").asText()).containsIgnoringCase("messages");
        assertThat(subscription.subscriptionId()).isNotBlank();
        assertThat(subscription.expiresAt()).isAfter(before.plus(Duration.ofDays(6)))
                .isBeforeOrEqualTo(Instant.now().plus(Duration.ofMinutes(10_080)));

        Instant renewed = graph.renew(account, subscription.subscriptionId());
        assertThat(renewed).isAfterOrEqualTo(subscription.expiresAt())
                .isBeforeOrEqualTo(Instant.now().plus(Duration.ofMinutes(10_080)));
        assertThat(single(e -> e.getRequest().getMethod().getName().equals("PATCH")).getRequest().getUrl())
                .isEqualTo("/v1.0/subscriptions/" + subscription.subscriptionId());

        graph.unsubscribe(account, subscription.subscriptionId());
        assertThat(single(e -> e.getRequest().getMethod().getName().equals("DELETE")).getRequest().getUrl())
                .isEqualTo("/v1.0/subscriptions/" + subscription.subscriptionId());
    }

    @Test
    void notificationsNeedTheirSubscriptionsClientState() {
        Map<String, String> states = Map.of("sub-1", "right-state", "sub-2", "other-state");
        String body = """
                {"value":[
                  {"subscriptionId":"sub-1","clientState":"right-state","changeType":"created",
                   "resource":"Users/u/Messages/m1","resourceData":{"@odata.type":"#Microsoft.Graph.Message","id":"m1"}},
                  {"subscriptionId":"sub-1","clientState":"wrong-state","changeType":"deleted",
                   "resource":"Users/u/Messages/m2","resourceData":{"id":"m2"}},
                  {"subscriptionId":"sub-9","clientState":"right-state","changeType":"updated"},
                  {"subscriptionId":"sub-2","clientState":"other-state","lifecycleEvent":"reauthorizationRequired"},
                  {"subscriptionId":"sub-2","clientState":"other-state","lifecycleEvent":"missed"},
                  {"subscriptionId":"sub-2","lifecycleEvent":"subscriptionRemoved"}
                ]}""";

        GraphNotifications.Parsed parsed = GraphNotifications.parse(body, states::get);

        assertThat(parsed.rejected()).isEqualTo(3);
        assertThat(parsed.accepted()).containsExactly(
                new GraphNotifications.Notification("sub-1", "created", null, "m1"),
                new GraphNotifications.Notification("sub-2", null, "reauthorizationRequired", null),
                new GraphNotifications.Notification("sub-2", null, "missed", null));
        assertThat(parsed.accepted().get(1).isLifecycle()).isTrue();
        assertThat(parsed.accepted().get(0).isLifecycle()).isFalse();
        assertThatThrownBy(() -> GraphNotifications.parse("not json", states::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The adapter's contract for a Graph message: labels are the folder's well-known name upper-cased, then categories. */
    private MessageMetadata expected(FakeMessage m) {
        List<String> labels = new ArrayList<>();
        labels.add(m.folder().toUpperCase(Locale.ROOT));
        labels.addAll(m.categories());
        return new MessageMetadata(m.id(), m.conversationId(), m.from(), m.to(), m.cc(), m.subject(), m.preview(),
                m.received(), !m.read(), labels, m.hasAttachments());
    }

    private ServeEvent single(Predicate<ServeEvent> which) {
        List<ServeEvent> matching = fake.requests(which);
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static String destination(ServeEvent move) throws Exception {
        return field(JSON.readTree(move.getRequest().getBodyAsString()), "destinationId").asText();
    }

    /** Graph takes action parameters case-insensitively; the SDK writes them as in its metadata (DestinationId). */
    private static JsonNode field(JsonNode object, String name) {
        var names = object.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return object.get(candidate);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<String> addresses(JsonNode recipients) {
        List<String> addresses = new ArrayList<>();
        recipients.forEach(r -> addresses.add(r.path("emailAddress").path("address").asText()));
        return addresses;
    }

    private static int batchSize(ServeEvent batch) {
        try {
            return JSON.readTree(batch.getRequest().getBodyAsString()).path("requests").size();
        } catch (Exception unreadable) {
            throw new AssertionError("batch body is not JSON", unreadable);
        }
    }

    private static ProviderAccount account(String token) {
        return new ProviderAccount(UUID.randomUUID(), "u-" + UUID.randomUUID(), "owner@contoso.example", "Owner",
                UUID.randomUUID(), () -> token);
    }

    private static final class RecordingSink implements SyncSink {
        Integer total;
        final List<List<MessageMetadata>> batches = Collections.synchronizedList(new ArrayList<>());
        final List<String> removed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void total(int messages) {
            total = messages;
        }

        @Override
        public void upsert(List<MessageMetadata> batch) {
            batches.add(batch);
        }

        @Override
        public void removed(List<String> providerIds) {
            removed.addAll(providerIds);
        }

        List<MessageMetadata> upserted() {
            return batches.stream().flatMap(List::stream).toList();
        }
    }
}

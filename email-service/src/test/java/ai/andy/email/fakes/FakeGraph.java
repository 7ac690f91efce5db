package ai.andy.email.fakes;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import ai.andy.email.EmailAddress;

/**
 * Microsoft Graph as WireMock stubs over a generated mailbox, answering with Graph's documented JSON: message lists
 * with {@code @odata.nextLink} paging (refusing any {@code $select} that asks for {@code body}), Inbox delta rounds
 * ending in {@code @odata.deltaLink} with {@code @removed} entries, 410 for expired delta tokens, JSON {@code $batch}
 * (step ids echoed through response templating), {@code $search}, bodies, drafts/createReply/send, PATCH, move,
 * subscriptions, throttling (429 + Retry-After) and refused tokens. Everything is rooted at {@code /v1.0}.
 */
public final class FakeGraph {
    /** The folders every generated mailbox has, by well-known name. */
    public static final List<String> FOLDERS = List.of("inbox", "sentitems", "drafts", "archive", "deleteditems",
            "junkemail");
    public static final List<String> SUBJECT_WORDS = List.of("Invoice", "Lunch", "Report", "Trip", "Party");
    private static final String[] CATEGORIES = { "Blue category", "Red category", "Travel" };
    /** In every body after the preview, so a test can look for body text where only metadata belongs. */
    public static final String BODY_MARKER = "graph-body-only-marker";

    /** A $select naming the body property (bodyPreview is fine). */
    private static final String SELECTS_BODY = ".*(^|,)body(,|$).*";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The SDK calls the delta function as {@code delta()}, links say {@code delta}; Graph takes both. */
    private static final String DELTA_PATH = "/v1.0/me/mailFolders/inbox/messages/delta(\\(\\))?";

    /** One message as the fake mailbox holds it; {@code folder} is the well-known name. */
    public record FakeMessage(String id, String conversationId, EmailAddress from, List<EmailAddress> to,
            List<EmailAddress> cc, String subject, String preview, Instant received, boolean read,
            List<String> categories, String folder, boolean hasAttachments, String body, boolean html) {

        FakeMessage with(boolean newRead, List<String> newCategories, String newFolder) {
            return new FakeMessage(id, conversationId, from, to, cc, subject, preview, received, newRead,
                    List.copyOf(newCategories), newFolder, hasAttachments, body, html);
        }
    }

    /** What {@link #changeMailbox} did, for the test to check the adapter's report against. */
    public record Changes(List<String> added, List<String> changed, List<String> deleted, List<String> movedOut) {
    }

    private final WireMockServer server;
    private final String root;
    private final Map<String, String> folderIds = new LinkedHashMap<>();
    private final Map<String, FakeMessage> messages = new LinkedHashMap<>();
    private final EmailAddress owner = new EmailAddress("Mailbox Owner", "owner@contoso.example");
    private final Random random = new Random(42);
    private int deltaGeneration;
    private int pageSize;

    public FakeGraph(WireMockServer server) {
        this.server = server;
        this.root = server.baseUrl() + "/v1.0";
    }

    // ---- the mailbox ------------------------------------------------------------------------------------------

    /** Resets WireMock and serves a fresh mailbox of {@code count} messages in pages of {@code pageSize}. */
    public FakeGraph mailbox(int count, int pageSize) {
        server.resetAll();
        server.setGlobalFixedDelay(0);
        this.pageSize = pageSize;
        this.deltaGeneration = 0;
        messages.clear();
        folderIds.clear();
        for (String folder : FOLDERS) {
            folderIds.put(folder, "AAMkFolder-" + folder + "-" + UUID.randomUUID());
        }
        Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            FakeMessage message = generate(newest.minus(Duration.ofMinutes(7L * i)), pick(i));
            messages.put(message.id(), message);
        }
        stubCatchAll();
        stubList();
        stubFolders();
        stubInitialDelta(0);
        stubSearch();
        stubMessageBatch();
        for (FakeMessage message : messages.values()) {
            stubMessage(message);
        }
        stubWrites();
        stubSubscriptions();
        return this;
    }

    private String pick(int i) {
        int roll = i % 10;
        return roll < 6 ? "inbox" : roll < 8 ? "archive" : "sentitems";
    }

    private FakeMessage generate(Instant received, String folder) {
        int n = messages.size() + random.nextInt(1_000_000) * 1000;
        String word = SUBJECT_WORDS.get(random.nextInt(SUBJECT_WORDS.size()));
        List<EmailAddress> to = List.of(owner);
        List<EmailAddress> cc = random.nextInt(3) == 0 ? List.of(person(random.nextInt(50))) : List.of();
        List<String> categories = random.nextInt(4) == 0 ? List.of(CATEGORIES[random.nextInt(CATEGORIES.length)])
                : List.of();
        boolean html = random.nextBoolean();
        // The body goes on past the preview, as real mail does: what follows must never be stored by Andy.
        String rest = BODY_MARKER + " " + n + ", beyond the preview.";
        String body = html ? "<p>About the " + word.toLowerCase(Locale.ROOT) + " #" + n + "</p><p>" + rest + "</p>"
                : "About the " + word + " #" + n + "\n\n" + rest;
        return new FakeMessage("AAMkMsg-" + UUID.randomUUID(), "AAQkConv-" + random.nextInt(100),
                person(random.nextInt(50)), to, cc, word + " #" + n, "About the " + word + " #" + n, received,
                random.nextBoolean(), categories, folder, random.nextInt(5) == 0, body, html);
    }

    private static EmailAddress person(int n) {
        return new EmailAddress("Person " + n, "person" + n + "@fabrikam.example");
    }

    /** The mailbox as it stands, newest first. */
    public List<FakeMessage> messages() {
        return messages.values().stream().sorted(Comparator.comparing(FakeMessage::received).reversed()).toList();
    }

    public FakeMessage message(String id) {
        return messages.get(id);
    }

    public List<FakeMessage> inFolder(String folder) {
        return messages().stream().filter(m -> m.folder().equals(folder)).toList();
    }

    public String folderId(String wellKnownName) {
        return folderIds.get(wellKnownName);
    }

    public EmailAddress owner() {
        return owner;
    }

    /** The delta link a fully caught-up client holds now. */
    public String currentDeltaLink() {
        return deltaLink(deltaGeneration);
    }

    // ---- behaviour switches -----------------------------------------------------------------------------------

    /** The next {@code requests} requests, whatever they are, get 429 with {@code Retry-After: seconds}. */
    public void throttleNext(int requests, int seconds) {
        failNext(requests, 429, "TooManyRequests", "Application is over its MailboxConcurrency limit.", seconds);
    }

    /** The next {@code requests} requests get 503 with {@code Retry-After: seconds}, as during an Exchange hiccup. */
    public void unavailableForNext(int requests, int seconds) {
        failNext(requests, 503, "ServiceUnavailable", "Service Unavailable", seconds);
    }

    private void failNext(int requests, int status, String code, String message, int seconds) {
        for (int i = 0; i < requests; i++) {
            String state = i == 0 ? Scenario.STARTED : "failing-" + i;
            server.stubFor(any(anyUrl()).atPriority(1).inScenario("failing").whenScenarioStateIs(state)
                    .willSetStateTo("failing-" + (i + 1))
                    .willReturn(error(status, code, message).withHeader("Retry-After", String.valueOf(seconds))));
        }
    }

    /** Requests bearing this token are refused as Graph refuses an expired one. */
    public void refuseToken(String token) {
        server.stubFor(any(anyUrl()).atPriority(1).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(error(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.")));
    }

    /** Every answer takes this long, to let concurrent callers pile up. */
    public void slowDown(Duration delay) {
        server.setGlobalFixedDelay((int) delay.toMillis());
    }

    /** Delta tokens issued so far are forgotten: they answer 410 Gone. */
    public void expireDeltaTokens() {
        server.stubFor(get(urlPathMatching(DELTA_PATH)).atPriority(2)
                .withQueryParam("$deltatoken", matching(".+"))
                .willReturn(error(410, "SyncStateNotFound", "The sync state generation is not found.")));
    }

    /**
     * Changes the mailbox as a person would: new Inbox mail, read state and categories flipped on some Inbox messages,
     * some deleted for good, some archived (they leave the Inbox). The current delta token then reports all of it over
     * two pages; deletions and moves show up as {@code @removed}.
     */
    public Changes changeMailbox(int add, int change, int deleteForGood, int archive) {
        List<FakeMessage> inbox = inFolder("inbox");
        Instant newest = messages().get(0).received();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < add; i++) {
            FakeMessage message = generate(newest.plus(Duration.ofMinutes(i + 1L)), "inbox");
            messages.put(message.id(), message);
            stubMessage(message);
            added.add(message.id());
        }
        List<String> changed = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> movedOut = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < change; i++, next++) {
            FakeMessage old = inbox.get(next);
            List<String> categories = new ArrayList<>(old.categories());
            categories.add("Changed " + i);
            messages.put(old.id(), old.with(!old.read(), categories, "inbox"));
            changed.add(old.id());
        }
        for (int i = 0; i < deleteForGood; i++, next++) {
            messages.remove(inbox.get(next).id());
            deleted.add(inbox.get(next).id());
        }
        for (int i = 0; i < archive; i++, next++) {
            FakeMessage old = inbox.get(next);
            messages.put(old.id(), old.with(old.read(), old.categories(), "archive"));
            movedOut.add(old.id());
        }
        List<ObjectNode> upserts = new ArrayList<>();
        added.forEach(id -> upserts.add(metadataJson(messages.get(id))));
        changed.forEach(id -> upserts.add(metadataJson(messages.get(id))));
        List<ObjectNode> removals = new ArrayList<>();
        for (String id : concat(deleted, movedOut)) {
            ObjectNode removed = JSON.createObjectNode().put("@odata.type", "#microsoft.graph.message").put("id", id);
            removed.putObject("@removed").put("reason", "deleted");
            removals.add(removed);
        }
        int from = deltaGeneration;
        deltaGeneration++;
        stubDelta(deltaGeneration, from, upserts, removals);
        stubMessageBatch();
        return new Changes(added, changed, deleted, movedOut);
    }

    // ---- observation ------------------------------------------------------------------------------------------

    /** Requests WireMock received, oldest first. */
    public List<ServeEvent> requests(Predicate<ServeEvent> which) {
        return server.getAllServeEvents().stream().filter(which)
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
    }

    public static Predicate<ServeEvent> path(String prefix) {
        return event -> event.getRequest().getUrl().startsWith("/v1.0" + prefix);
    }

    /**
     * The most requests the fake was serving at one moment, among those matching {@code which}: each request spans
     * from its arrival to the end of its response (delay included).
     */
    public int maxInFlight(Predicate<ServeEvent> which) {
        record Edge(long at, int delta) {
        }
        List<Edge> edges = new ArrayList<>();
        for (ServeEvent event : requests(which)) {
            long start = event.getRequest().getLoggedDate().getTime();
            edges.add(new Edge(start, 1));
            edges.add(new Edge(start + event.getTiming().getTotalTime(), -1));
        }
        // At equal times the end comes first: a caller can only start after an earlier answer arrived.
        edges.sort(Comparator.comparingLong(Edge::at).thenComparingInt(Edge::delta));
        int current = 0;
        int max = 0;
        for (Edge edge : edges) {
            current += edge.delta();
            max = Math.max(max, current);
        }
        return max;
    }

    // ---- stubs ------------------------------------------------------------------------------------------------

    private void stubCatchAll() {
        server.stubFor(any(anyUrl()).atPriority(10)
                .willReturn(error(400, "FakeGraphUnmatched", "The fake has no answer for this request.")));
        server.stubFor(get(urlPathMatching("/v1.0/me/messages/[^/]+")).atPriority(9)
                .willReturn(error(404, "ErrorItemNotFound", "The specified object was not found in the store.")));
        // Listing or delta that asks for bodies is a contract breach: Andy stores metadata only.
        server.stubFor(get(urlPathMatching("/v1.0/me/messages|" + DELTA_PATH)).atPriority(2)
                .withQueryParam("$select", matching(SELECTS_BODY))
                .willReturn(error(400, "FakeGraphBodyRequested", "Metadata listings must not select body.")));
    }

    private void stubList() {
        List<FakeMessage> all = messages();
        for (int page = 0, skip = 0; skip < all.size() || page == 0; page++, skip += pageSize) {
            List<FakeMessage> slice = all.subList(skip, Math.min(all.size(), skip + pageSize));
            String next = skip + pageSize < all.size() ? root + "/me/messages?%24select=" + enc(metadataSelect())
                    + "&%24orderby=receivedDateTime%20desc&%24top=" + pageSize + "&%24skip=" + (skip + pageSize) : null;
            var stub = get(urlPathEqualTo("/v1.0/me/messages")).withQueryParam("$search", absent());
            stub = page == 0 ? stub.withQueryParam("$skip", absent())
                    .withQueryParam("$orderby", equalTo("receivedDateTime desc"))
                    : stub.withQueryParam("$skip", equalTo(String.valueOf(skip)));
            server.stubFor(stub.willReturn(okJson(collection(root + "/$metadata#users('me')/messages",
                    slice.stream().map(this::metadataJson).toList(), next, null))));
        }
    }

    /** The folder $batch: each well-known folder by name, and the folder list with its counts. */
    private void stubFolders() {
        Map<String, String> answers = new LinkedHashMap<>();
        ArrayNode all = JSON.createArrayNode();
        for (String folder : FOLDERS) {
            ObjectNode json = JSON.createObjectNode().put("id", folderIds.get(folder))
                    .put("totalItemCount", inFolder(folder).size());
            answers.put("/me/mailFolders/" + folder + "?", json.toString());
            all.add(json);
        }
        answers.put("/me/mailFolders?", JSON.createObjectNode().set("value", all).toString());
        server.stubFor(post(urlPathEqualTo("/v1.0/$batch")).withRequestBody(containing("/me/mailFolders"))
                .willReturn(batchAnswer(answers)));
    }

    /** Looking up messages by id in a $batch: current metadata for the ones that still exist, 404 for the rest. */
    private void stubMessageBatch() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (FakeMessage message : messages.values()) {
            answers.put("/me/messages/" + message.id() + "?", metadataJson(message).toString());
        }
        server.stubFor(post(urlPathEqualTo("/v1.0/$batch")).withRequestBody(containing("/me/messages/"))
                .willReturn(batchAnswer(answers)));
    }

    /**
     * A templated $batch answer: one response per request in the body, echoing its id, with the body of the first
     * URL fragment it contains, else Graph's 404.
     */
    private static ResponseDefinitionBuilder batchAnswer(Map<String, String> bodiesByUrlFragment) {
        StringBuilder template = new StringBuilder("{\"responses\":[{{#each (jsonPath request.body '$.requests') as |step|}}"
                + "{{#unless @first}},{{/unless}}{\"id\":\"{{{step.id}}}\",\"headers\":{\"Content-Type\":\"application/json\"},");
        String keyword = "{{#if";
        for (Map.Entry<String, String> answer : bodiesByUrlFragment.entrySet()) {
            if (answer.getValue().contains("{{") || answer.getKey().contains("'")) {
                throw new IllegalStateException("fake batch answer would break the template");
            }
            template.append(keyword).append(" (contains step.url '").append(answer.getKey()).append("')}}")
                    .append("\"status\":200,\"body\":").append(answer.getValue()).append('}');
            keyword = "{{else if";
        }
        template.append("{{else}}\"status\":404,\"body\":")
                .append(errorJson("ErrorItemNotFound", "The specified object was not found in the store."))
                .append("}{{/if}}{{/each}}]}");
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(template.toString()).withTransformers("response-template");
    }

    private void stubInitialDelta(int generation) {
        // The first round: the Inbox as it is, over two pages.
        List<ObjectNode> inbox = inFolder("inbox").stream().map(this::metadataJson).toList();
        String secondPage = root + "/me/mailFolders/inbox/messages/delta?%24skiptoken=initial-2";
        int half = inbox.size() / 2;
        server.stubFor(get(urlPathMatching(DELTA_PATH))
                .withQueryParam("$select", matching(".+")).withQueryParam("$skiptoken", absent())
                .withQueryParam("$deltatoken", absent())
                .willReturn(okJson(collection(null, inbox.subList(0, half), secondPage, null))));
        server.stubFor(get(urlPathMatching(DELTA_PATH))
                .withQueryParam("$skiptoken", equalTo("initial-2"))
                .willReturn(okJson(collection(null, inbox.subList(half, inbox.size()), null, deltaLink(generation)))));
        stubCaughtUp(generation);
    }

    /** Token {@code previous} reports the changes over two pages and hands out token {@code generation}. */
    private void stubDelta(int generation, int previous, List<ObjectNode> upserts, List<ObjectNode> removals) {
        String secondPage = root + "/me/mailFolders/inbox/messages/delta?%24skiptoken=changes-" + generation;
        server.stubFor(get(urlPathMatching(DELTA_PATH))
                .withQueryParam("$deltatoken", equalTo(token(previous)))
                .willReturn(okJson(collection(null, upserts, secondPage, null))));
        server.stubFor(get(urlPathMatching(DELTA_PATH))
                .withQueryParam("$skiptoken", equalTo("changes-" + generation))
                .willReturn(okJson(collection(null, removals, null, deltaLink(generation)))));
        stubCaughtUp(generation);
    }

    /** The newest token reports nothing and hands itself out again. */
    private void stubCaughtUp(int generation) {
        server.stubFor(get(urlPathMatching(DELTA_PATH))
                .withQueryParam("$deltatoken", equalTo(token(generation)))
                .willReturn(okJson(collection(null, List.of(), null, deltaLink(generation)))));
    }

    private String deltaLink(int generation) {
        return root + "/me/mailFolders/inbox/messages/delta?%24deltatoken=" + token(generation);
    }

    private static String token(int generation) {
        return "delta-" + generation;
    }

    /** $search by subject word: matches newest first (Graph sorts by sent time), in pages of {@code pageSize}. */
    private void stubSearch() {
        for (String word : SUBJECT_WORDS) {
            List<ObjectNode> hits = messages().stream().filter(m -> m.subject().contains(word))
                    .map(this::metadataJson).toList();
            for (int skip = 0; skip < Math.max(1, hits.size()); skip += pageSize) {
                String next = skip + pageSize < hits.size() ? root + "/me/messages?%24search=" + enc("\"" + word + "\"")
                        + "&%24skiptoken=" + word + "-" + (skip + pageSize) : null;
                var stub = get(urlPathEqualTo("/v1.0/me/messages")).withHeader("ConsistencyLevel", equalTo("eventual"))
                        .withQueryParam("$search", equalTo("\"" + word + "\""));
                stub = skip == 0 ? stub.withQueryParam("$skiptoken", absent())
                        : stub.withQueryParam("$skiptoken", equalTo(word + "-" + skip));
                server.stubFor(stub.willReturn(okJson(collection(null,
                        hits.subList(skip, Math.min(hits.size(), skip + pageSize)), next, null))));
            }
        }
    }

    private void stubMessage(FakeMessage message) {
        String path = "/v1.0/me/messages/" + message.id();
        ObjectNode body = JSON.createObjectNode().put("id", message.id());
        body.putObject("body").put("contentType", message.html() ? "html" : "text").put("content", message.body());
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("$select", equalTo("body")).willReturn(okJson(body.toString())));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("$select", equalTo("categories"))
                .willReturn(okJson(categoriesJson(message.id()))));
        ObjectNode draft = JSON.createObjectNode().put("id", "AAMkReplyDraft-" + message.id())
                .put("conversationId", message.conversationId()).put("subject", "RE: " + message.subject())
                .put("isDraft", true);
        draft.set("from", recipient(owner));
        draft.putArray("toRecipients").add(recipient(message.from()));
        server.stubFor(post(urlPathEqualTo(path + "/createReply")).willReturn(json(201, draft.toString())));
    }

    private String categoriesJson(String id) {
        FakeMessage message = messages.get(id);
        ObjectNode json = JSON.createObjectNode().put("id", id);
        ArrayNode categories = json.putArray("categories");
        message.categories().forEach(categories::add);
        return json.toString();
    }

    private void stubWrites() {
        ObjectNode draft = JSON.createObjectNode().put("id", "AAMkDraft-" + UUID.randomUUID())
                .put("conversationId", "AAQkConv-new").put("isDraft", true);
        draft.set("from", recipient(owner));
        server.stubFor(post(urlPathEqualTo("/v1.0/me/messages")).willReturn(json(201, draft.toString())));
        server.stubFor(post(urlPathMatching("/v1.0/me/messages/[^/]+/send")).willReturn(aResponse().withStatus(202)));
        server.stubFor(post(urlPathEqualTo("/v1.0/me/sendMail")).willReturn(aResponse().withStatus(202)));
        server.stubFor(patch(urlPathMatching("/v1.0/me/messages/[^/]+"))
                .willReturn(okJson("{\"id\":\"{{request.pathSegments.[3]}}\"}").withTransformers("response-template")));
        server.stubFor(post(urlPathMatching("/v1.0/me/messages/[^/]+/move"))
                .willReturn(json(201, "{\"id\":\"{{request.pathSegments.[3]}}\"}").withTransformers("response-template")));
    }

    private void stubSubscriptions() {
        String created = "{\"id\":\"" + UUID.randomUUID() + "\",\"resource\":\"{{jsonPath request.body '$.resource'}}\","
                + "\"changeType\":\"{{jsonPath request.body '$.changeType'}}\","
                + "\"expirationDateTime\":\"{{jsonPath request.body '$.expirationDateTime'}}\"}";
        server.stubFor(post(urlPathEqualTo("/v1.0/subscriptions"))
                .willReturn(json(201, created).withTransformers("response-template")));
        server.stubFor(patch(urlPathMatching("/v1.0/subscriptions/[^/]+")).willReturn(okJson(
                "{\"id\":\"{{request.pathSegments.[2]}}\",\"expirationDateTime\":\"{{jsonPath request.body '$.expirationDateTime'}}\"}")
                .withTransformers("response-template")));
        server.stubFor(delete(urlPathMatching("/v1.0/subscriptions/[^/]+")).willReturn(aResponse().withStatus(204)));
    }

    // ---- Graph JSON -------------------------------------------------------------------------------------------

    /** The metadata fields the fake serves in listings: never the body. */
    public static List<String> metadataFields() {
        return List.of("id", "conversationId", "from", "toRecipients", "ccRecipients", "subject", "bodyPreview",
                "receivedDateTime", "isRead", "categories", "parentFolderId", "hasAttachments");
    }

    private static String metadataSelect() {
        return String.join(",", metadataFields());
    }

    private ObjectNode metadataJson(FakeMessage message) {
        ObjectNode json = JSON.createObjectNode().put("@odata.etag", "W/\"" + message.id().hashCode() + "\"")
                .put("id", message.id()).put("conversationId", message.conversationId());
        json.set("from", recipient(message.from()));
        ArrayNode to = json.putArray("toRecipients");
        message.to().forEach(a -> to.add(recipient(a)));
        ArrayNode cc = json.putArray("ccRecipients");
        message.cc().forEach(a -> cc.add(recipient(a)));
        json.put("subject", message.subject()).put("bodyPreview", message.preview())
                .put("receivedDateTime", message.received().toString()).put("isRead", message.read());
        ArrayNode categories = json.putArray("categories");
        message.categories().forEach(categories::add);
        json.put("parentFolderId", folderIds.get(message.folder())).put("hasAttachments", message.hasAttachments());
        return json;
    }

    private static ObjectNode recipient(EmailAddress address) {
        ObjectNode recipient = JSON.createObjectNode();
        recipient.putObject("emailAddress").put("name", address.name()).put("address", address.address());
        return recipient;
    }

    private static String collection(String context, List<ObjectNode> values, String nextLink, String deltaLink) {
        ObjectNode json = JSON.createObjectNode();
        if (context != null) {
            json.put("@odata.context", context);
        }
        json.putArray("value").addAll(values);
        if (nextLink != null) {
            json.put("@odata.nextLink", nextLink);
        }
        if (deltaLink != null) {
            json.put("@odata.deltaLink", deltaLink);
        }
        return json.toString();
    }

    private static String errorJson(String code, String message) {
        ObjectNode json = JSON.createObjectNode();
        json.putObject("error").put("code", code).put("message", message);
        return json.toString();
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return json(status, errorJson(code, message));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toList());
    }
}

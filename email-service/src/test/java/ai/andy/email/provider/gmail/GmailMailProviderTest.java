package ai.andy.email.provider.gmail;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import ai.andy.email.fakes.FakeGmail;
import ai.andy.email.fakes.FakeGmailMailbox;
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
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@AndyServiceTest(service = "email", providerFake = "andy.email.gmail.root-url")
class GmailMailProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeGmail fake;

    @InjectWireMock
    WireMockServer wireMock;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    GmailMailProvider gmail;

    @BeforeEach
    void startFake() {
        if (fake == null) {
            fake = FakeGmail.start().proxyFrom(wireMock);
        }
        fake.noQuota();
    }

    @AfterAll
    static void stopFake() {
        if (fake != null) {
            fake.stop();
            fake = null;
        }
    }

    @Test
    void initialSyncBringsAllMetadataNewestFirstInBatchesWithoutBodies() {
        Mailbox mailbox = mailbox(320);
        RecordingSink sink = new RecordingSink();

        String cursor = gmail.initialSync(mailbox.account(), sink);

        assertThat(sink.total).isEqualTo(mailbox.box().size());
        List<MessageMetadata> all = sink.upserted();
        assertThat(all).extracting(MessageMetadata::providerId).containsExactlyElementsOf(mailbox.box().ids());
        assertThat(all).extracting(MessageMetadata::receivedAt).isSortedAccordingTo(Collections.reverseOrder());
        assertThat(sink.batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(50));
        assertThat(mailbox.box().batchSizes()).isNotEmpty().allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(50));
        assertThat(cursor).isEqualTo(String.valueOf(mailbox.box().historyId()));

        for (MessageMetadata message : all) {
            String id = message.providerId();
            assertThat(message.labels()).containsExactlyInAnyOrderElementsOf(mailbox.box().labels(id));
            assertThat(message.unread()).isEqualTo(mailbox.box().labels(id).contains("UNREAD"));
            assertThat(message.hasAttachments()).isEqualTo(mailbox.box().hasAttachment(id));
            assertThat(message.threadId()).isEqualTo(mailbox.box().threadId(id));
            assertThat(message.from().address()).contains("@");
            assertThat(message.to()).isNotEmpty();
            assertThat(message.subject()).isEqualTo(mailbox.box().header(id, "Subject"));
            assertThat(message.snippet()).isNotBlank();
            // Andy keeps metadata only: nothing from beyond the snippet may reach the sink.
            assertThat(message.toString()).doesNotContain(FakeGmailMailbox.BODY_MARKER);
        }
        assertThat(all).anySatisfy(m -> assertThat(m.cc()).isNotEmpty());
        assertThat(all).anySatisfy(m -> assertThat(m.from().name()).contains("'"));

        // The token went out as a bearer header (the fake answers 401 otherwise), and no body was asked for.
        List<LoggedRequest> sent = wireMock.findAll(anyRequestedFor(anyUrl())
                .withHeader("Authorization", equalTo("Bearer " + mailbox.token())));
        assertThat(sent).extracting(LoggedRequest::getUrl).contains("/batch/gmail/v1");
        assertThat(sent).noneSatisfy(r -> assertThat(r.getUrl() + r.getBodyAsString()).contains("format=full"));
    }

    @Test
    void incrementalSyncReportsNewChangedAndDeletedMessages() {
        Mailbox mailbox = mailbox(40);
        String cursor = gmail.initialSync(mailbox.account(), new RecordingSink());
        List<String> ids = mailbox.box().ids();
        String relabelled = ids.get(3);
        String deleted = ids.get(5);

        String arrived = mailbox.box().deliver("Kemi Adeyemi <kemi@example.com>", "New proposal", "Have a look.");
        mailbox.box().relabel(relabelled, List.of("Label_2"), List.of("INBOX"));
        mailbox.box().delete(deleted);
        String shortLived = mailbox.box().deliver("Lars Berg <lars@example.com>", "Oops", "Ignore this.");
        mailbox.box().delete(shortLived);

        RecordingSink sink = new RecordingSink();
        String next = gmail.incrementalSync(mailbox.account(), cursor, sink);

        assertThat(sink.upserted()).extracting(MessageMetadata::providerId)
                .containsExactlyInAnyOrder(arrived, relabelled);
        MessageMetadata changed = sink.upserted().stream().filter(m -> m.providerId().equals(relabelled)).findFirst()
                .orElseThrow();
        assertThat(changed.labels()).contains("Label_2").doesNotContain("INBOX");
        MessageMetadata fresh = sink.upserted().stream().filter(m -> m.providerId().equals(arrived)).findFirst()
                .orElseThrow();
        assertThat(fresh.unread()).isTrue();
        assertThat(fresh.subject()).isEqualTo("New proposal");
        assertThat(sink.removed).containsExactlyInAnyOrder(deleted, shortLived);
        assertThat(next).isEqualTo(String.valueOf(mailbox.box().historyId()));

        RecordingSink nothing = new RecordingSink();
        assertThat(gmail.incrementalSync(mailbox.account(), next, nothing)).isEqualTo(next);
        assertThat(nothing.upserted()).isEmpty();
        assertThat(nothing.removed).isEmpty();
    }

    @Test
    void expiredHistoryIdAsksForAFullSync() {
        Mailbox mailbox = mailbox(5);
        String cursor = gmail.initialSync(mailbox.account(), new RecordingSink());
        mailbox.box().expireHistory();

        assertThatThrownBy(() -> gmail.incrementalSync(mailbox.account(), cursor, new RecordingSink()))
                .isInstanceOf(CursorExpiredException.class);
    }

    @Test
    void fetchBodyReturnsTextAndHtmlAlsoBesideAnAttachment() {
        Mailbox mailbox = mailbox(40);
        String withAttachment = mailbox.box().ids().stream().filter(mailbox.box()::hasAttachment).findFirst()
                .orElseThrow();
        String plain = mailbox.box().ids().stream().filter(id -> !mailbox.box().hasAttachment(id)).findFirst()
                .orElseThrow();

        for (String id : List.of(withAttachment, plain)) {
            MessageContent body = gmail.fetchBody(mailbox.account(), id);
            assertThat(body.text()).contains(FakeGmailMailbox.BODY_MARKER + " " + id).doesNotContain("<p>");
            assertThat(body.html()).contains("<p>").contains(FakeGmailMailbox.BODY_MARKER);
        }
        assertThatThrownBy(() -> gmail.fetchBody(mailbox.account(), "0000000000000000"))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
    }

    @Test
    void sendBuildsAnRfc822MessageAndRepliesInTheThread() throws Exception {
        Mailbox mailbox = mailbox(10);
        String original = mailbox.box().ids().get(2);
        OutgoingMessage reply = new OutgoingMessage(List.of(new EmailAddress("Zoë Müller", "zoe@example.com")),
                List.of(new EmailAddress(null, "cc@example.net")), List.of(new EmailAddress(null, "bcc@example.net")),
                "Re: the plan", "Sounds good — see you Thursday.", original);

        MessageMetadata sent = gmail.send(mailbox.account(), reply);

        assertThat(sent.labels()).contains("SENT");
        assertThat(sent.threadId()).isEqualTo(mailbox.box().threadId(original));
        assertThat(sent.subject()).isEqualTo("Re: the plan");
        JsonNode request = sendRequest(mailbox, "Re: the plan");
        assertThat(request.path("threadId").asText()).isEqualTo(mailbox.box().threadId(original));
        MimeMessage mime = decodeRaw(request);
        assertThat(addresses(mime, RecipientType.TO)).containsExactly("zoe@example.com");
        assertThat(((InternetAddress) mime.getRecipients(RecipientType.TO)[0]).getPersonal()).isEqualTo("Zoë Müller");
        assertThat(addresses(mime, RecipientType.CC)).containsExactly("cc@example.net");
        assertThat(addresses(mime, RecipientType.BCC)).containsExactly("bcc@example.net");
        assertThat(((InternetAddress) mime.getFrom()[0]).getAddress()).isEqualTo(mailbox.account().address());
        assertThat(mime.getSubject()).isEqualTo("Re: the plan");
        assertThat(mime.getContent().toString()).contains("Sounds good — see you Thursday.");
        String parentId = mailbox.box().header(original, "Message-ID");
        assertThat(mime.getHeader("In-Reply-To", null)).isEqualTo(parentId);
        assertThat(mime.getHeader("References", null)).contains(parentId);
        assertThat(mime.getMessageID()).endsWith("@" + mailbox.account().address().split("@")[1] + ">");

        gmail.send(mailbox.account(), new OutgoingMessage(List.of(new EmailAddress(null, "new@example.com")), null,
                null, "Fresh start", "Hello", null));
        JsonNode fresh = sendRequest(mailbox, "Fresh start");
        assertThat(fresh.has("threadId")).isFalse();
        assertThat(decodeRaw(fresh).getHeader("In-Reply-To")).isNull();

        assertThatThrownBy(() -> gmail.send(mailbox.account(), new OutgoingMessage(
                List.of(new EmailAddress(null, "not an address")), null, null, "x", "y", null)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED);
                    assertThat(e.getMessage()).doesNotContain("not an address");
                });
    }

    @Test
    void modifyAndTrashSendTheRightLabelChanges() throws Exception {
        Mailbox mailbox = mailbox(10);
        String id = mailbox.box().ids().get(0);
        String other = mailbox.box().ids().get(1);

        gmail.modify(mailbox.account(), id, new MessageChange(false, true, List.of("Receipts", "STARRED"), null));

        List<LoggedRequest> modifies = wireMock.findAll(postRequestedFor(
                urlPathEqualTo("/gmail/v1/users/me/messages/" + id + "/modify"))
                .withHeader("Authorization", equalTo("Bearer " + mailbox.token())));
        assertThat(modifies).hasSize(1);
        JsonNode body = JSON.readTree(modifies.get(0).getBodyAsString());
        assertThat(texts(body.path("addLabelIds"))).containsExactlyInAnyOrder("Label_1", "STARRED");
        assertThat(texts(body.path("removeLabelIds"))).containsExactlyInAnyOrder("UNREAD", "INBOX");
        assertThat(mailbox.box().labels(id)).contains("Label_1", "STARRED").doesNotContain("UNREAD", "INBOX");

        gmail.modify(mailbox.account(), id, new MessageChange(true, false, null, List.of("Label_1")));
        assertThat(mailbox.box().labels(id)).contains("UNREAD", "INBOX").doesNotContain("Label_1");

        gmail.trash(mailbox.account(), other);
        assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo("/gmail/v1/users/me/messages/" + other + "/trash"))
                .withHeader("Authorization", equalTo("Bearer " + mailbox.token())))).hasSize(1);
        assertThat(mailbox.box().labels(other)).contains("TRASH");

        assertThatThrownBy(() -> gmail.modify(mailbox.account(), id,
                new MessageChange(null, null, List.of("No Such Label"), null)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED));
    }

    @Test
    void searchReturnsProviderMatchesNewestFirstUpToTheLimit() {
        Mailbox mailbox = mailbox(60);
        List<String> unread = mailbox.box().ids().stream().filter(id -> mailbox.box().labels(id).contains("UNREAD"))
                .toList();

        List<MessageMetadata> found = gmail.search(mailbox.account(), "is:unread", 5);

        assertThat(found).extracting(MessageMetadata::providerId).containsExactlyElementsOf(unread.subList(0, 5));
        assertThat(found).allSatisfy(m -> assertThat(m.unread()).isTrue());
    }

    @Test
    void throttlingStormIsRetriedAfterRetryAfterAndOnlyFailedBatchPartsAreSentAgain() {
        Mailbox mailbox = mailbox(30);
        fake.failNext("messages.list", 2, 429, 1);
        fake.failNext("messages.get", 4, 429, 1);
        fake.failNext("users.getProfile", 1, 503, 1);
        RecordingSink sink = new RecordingSink();

        gmail.initialSync(mailbox.account(), sink);

        assertThat(sink.upserted()).extracting(MessageMetadata::providerId)
                .containsExactlyElementsOf(mailbox.box().ids());
        assertThat(mailbox.box().injectedFailures()).isEqualTo(7);
        // Every message fetched once successfully, plus the four throttled parts once more: nothing else resent.
        assertThat(mailbox.box().batchSizes().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(mailbox.box().size() + 4);
        assertThat(mailbox.box().batchSizes()).contains(4);
    }

    @Test
    void gmailRateLimitAs403IsRetriedToo() {
        Mailbox mailbox = mailbox(3);
        fake.failNext("messages.list", 1, 403, 1);

        assertThat(gmail.search(mailbox.account(), "", 10)).hasSize(3);
        assertThat(mailbox.box().injectedFailures()).isEqualTo(1);
    }

    @Test
    void refusedTokenIsUnauthorizedAndNamesNoSecret() {
        Mailbox mailbox = mailbox(3);
        String wrongToken = "revoked-" + UUID.randomUUID();
        ProviderAccount revoked = new ProviderAccount(UUID.randomUUID(), mailbox.account().userId(),
                mailbox.account().address(), "Pat", UUID.randomUUID(), () -> wrongToken);

        assertThatThrownBy(() -> gmail.initialSync(revoked, new RecordingSink()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).doesNotContain(wrongToken).doesNotContain(revoked.address());
                });
    }

    @Test
    void pacingKeepsALargeSyncUnderGmailsQuotaWithoutA429() throws Exception {
        // First show the fake really enforces the quota: an unpaced burst is refused.
        Mailbox burst = mailbox(5);
        fake.enforceQuota(FakeGmail.DEFAULT_QUOTA);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2000 && burst.box().rateLimited() == 0; i++) {
            http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/gmail/v1/users/me/messages/"
                    + burst.box().ids().get(0) + "?format=minimal")).header("Authorization", "Bearer " + burst.token())
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        assertThat(burst.box().rateLimited()).isPositive();

        Mailbox mailbox = mailbox(600);
        RecordingSink sink = new RecordingSink();
        gmail.initialSync(mailbox.account(), sink);

        assertThat(sink.upserted()).hasSize(600);
        assertThat(mailbox.box().calls("messages.get")).isEqualTo(600);
        assertThat(mailbox.box().rateLimited()).isZero();
        assertThat(mailbox.box().unitsCharged()).isGreaterThanOrEqualTo(600L * 5);
    }

    @Test
    void everyRequestIsMeteredWithItsQuotaUnits() {
        Mailbox mailbox = mailbox(25);
        gmail.initialSync(mailbox.account(), new RecordingSink());
        gmail.search(mailbox.account(), "is:unread", 3);
        long charged = mailbox.box().unitsCharged();

        // usage.recorded sums per person and operation every few seconds; all of it must add up to what Gmail counted.
        var consumer = kafka.consumeStrings().fromTopics("usage.recorded");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> recordedUnits(consumer.getRecords(),
                    mailbox.account().userId()) == charged);
        } finally {
            consumer.stop();
        }
    }

    private static long recordedUnits(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records,
            String userId) throws Exception {
        long units = 0;
        for (var record : records) {
            if (userId.equals(record.key())) {
                JsonNode usage = JSON.readTree(record.value());
                assertThat(usage.path("provider").asText()).isEqualTo("gmail");
                units += usage.path("units").asLong();
            }
        }
        return units;
    }

    @Test
    void watchAndStopForPushNotifications() throws Exception {
        Mailbox mailbox = mailbox(3);

        GmailPush.Watch watch = gmail.watch(mailbox.account(), "projects/andy/topics/gmail");

        assertThat(watch.historyId()).isEqualTo(String.valueOf(mailbox.box().historyId()));
        assertThat(watch.expiration()).isAfter(Instant.now());
        List<LoggedRequest> watches = wireMock.findAll(postRequestedFor(urlPathEqualTo("/gmail/v1/users/me/watch"))
                .withHeader("Authorization", equalTo("Bearer " + mailbox.token())));
        assertThat(JSON.readTree(watches.get(0).getBodyAsString()).path("topicName").asText())
                .isEqualTo("projects/andy/topics/gmail");

        gmail.stopWatch(mailbox.account());
        assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo("/gmail/v1/users/me/stop"))
                .withHeader("Authorization", equalTo("Bearer " + mailbox.token())))).hasSize(1);
    }

    @Test
    void pubSubPushBodyIsParsedAndAnythingElseRefused() {
        String data = Base64.getEncoder().encodeToString(
                "{\"emailAddress\":\"ada@example.org\",\"historyId\":9876543210}".getBytes(StandardCharsets.UTF_8));
        String push = "{\"message\":{\"data\":\"" + data + "\",\"messageId\":\"2070443601311540\","
                + "\"publishTime\":\"2026-01-01T00:00:00Z\"},\"subscription\":\"projects/andy/subscriptions/gmail\"}";

        GmailPush.Notification notification = GmailMailProvider.parsePush(push);

        assertThat(notification.emailAddress()).isEqualTo("ada@example.org");
        assertThat(notification.historyId()).isEqualTo("9876543210");
        String noHistory = Base64.getEncoder().encodeToString("{\"emailAddress\":\"a@b.c\"}".getBytes());
        for (String malformed : Arrays.asList(null, "", "not json", "{}", "{\"message\":{}}",
                "{\"message\":{\"data\":\"%%%\"}}", "{\"message\":{\"data\":\"" + noHistory + "\"}}",
                "{\"message\":{\"data\":\"" + Base64.getEncoder().encodeToString("[1]".getBytes()) + "\"}}")) {
            assertThatThrownBy(() -> GmailMailProvider.parsePush(malformed))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    // --- helpers ---

    private record Mailbox(FakeGmailMailbox box, ProviderAccount account) {
        String token() {
            return box.token();
        }
    }

    private static Mailbox mailbox(int messages) {
        String token = "token-" + UUID.randomUUID();
        String address = "pat." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        FakeGmailMailbox box = fake.addMailbox(token, address, messages);
        return new Mailbox(box, new ProviderAccount(UUID.randomUUID(), "u-" + UUID.randomUUID(), address,
                "Pat Example", UUID.randomUUID(), () -> token));
    }

    /** The send request, as the fake's journal recorded it, of the message with this subject. */
    private JsonNode sendRequest(Mailbox mailbox, String subject) throws Exception {
        for (LoggedRequest logged : wireMock.findAll(postRequestedFor(
                urlPathEqualTo("/gmail/v1/users/me/messages/send"))
                .withHeader("Authorization", equalTo("Bearer " + mailbox.token())))) {
            JsonNode body = JSON.readTree(logged.getBodyAsString());
            if (subject.equals(decodeRaw(body).getSubject())) {
                return body;
            }
        }
        throw new AssertionError("no send request with the expected subject");
    }

    private static MimeMessage decodeRaw(JsonNode sendRequest) throws Exception {
        byte[] raw = Base64.getUrlDecoder().decode(sendRequest.path("raw").asText());
        return new MimeMessage(Session.getInstance(new java.util.Properties()), new ByteArrayInputStream(raw));
    }

    private static List<String> addresses(MimeMessage mime, RecipientType type) throws Exception {
        return Stream.of(mime.getRecipients(type)).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    /** Keeps everything a sync hands over, in order. */
    private static final class RecordingSink implements SyncSink {
        Integer total;
        final List<List<MessageMetadata>> batches = new ArrayList<>();
        final List<String> removed = new ArrayList<>();

        @Override
        public void total(int messages) {
            total = messages;
        }

        @Override
        public void upsert(List<MessageMetadata> batch) {
            batches.add(List.copyOf(batch));
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

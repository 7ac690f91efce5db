package ai.andy.email.fakes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import ai.andy.email.fakes.FakeGmailMailbox.Header;
import ai.andy.email.fakes.FakeGmailMailbox.History;
import ai.andy.email.fakes.FakeGmailMailbox.Msg;

/**
 * A fake of the Gmail API on WireMock, speaking Gmail's documented JSON: profile, messages list/get (minimal,
 * metadata, full)/send/modify/trash, attachments, history (404 once expired), labels, watch/stop, and the batch
 * endpoint {@code POST /batch/gmail/v1} (multipart/mixed, each part answered like the single endpoint, in order).
 * Mailboxes are told apart by their bearer token. Optionally enforces Gmail's per-user quota (units per one-second
 * window, 429 {@code rateLimitExceeded} above it) and injects failures.
 * <p>
 * The answers are computed by a WireMock extension, which a server only takes when it is built. So the fake runs its
 * own server; {@link #proxyFrom} makes a server built elsewhere (e.g. the test resource's) forward everything to it,
 * which keeps that server's request journal as the record of what the client sent.
 * <p>
 * Standalone for benchmarks: {@code main(port, messages, quota)}.
 */
public final class FakeGmail {
    public static final int DEFAULT_QUOTA = 250;
    private static final String TRANSFORMER = "fake-gmail";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USERS = Pattern.compile("/gmail/v1/users/([^/]+)/(.+)");
    private static final byte[] PDF = "%PDF-1.4\n% a tiny fake invoice\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final WireMockServer server;
    private final Map<String, FakeGmailMailbox> mailboxes = new ConcurrentHashMap<>();
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private volatile int quota;

    private record Failure(String operation, int status, Integer retryAfterSeconds) {
    }

    private record Call(String method, String path, Map<String, List<String>> query, String authorization,
            String contentType, String body) {

        String param(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> params(String name) {
            return query.getOrDefault(name, List.of());
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {

        static Answer json(int status, Object node) {
            return new Answer(status, Map.of("Content-Type", "application/json; charset=UTF-8"), node.toString());
        }
    }

    /** Thrown by handlers for Gmail's 400 answers. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** On a free port of 127.0.0.1. */
    public static FakeGmail start() {
        return new FakeGmail(WireMockConfiguration.options().dynamicPort());
    }

    public static FakeGmail start(int port) {
        return new FakeGmail(WireMockConfiguration.options().port(port));
    }

    private FakeGmail(WireMockConfiguration options) {
        server = new WireMockServer(options.bindAddress("127.0.0.1").gzipDisabled(true).extensions(new Transformer()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(TRANSFORMER)));
    }

    /** Makes {@code front} (a WireMock server built without this fake's extension) forward every request here. */
    public FakeGmail proxyFrom(WireMockServer front) {
        front.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(baseUrl())));
        return this;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    public void stop() {
        server.stop();
    }

    /** A mailbox of {@code messages} generated messages, reached with {@code Authorization: Bearer <token>}. */
    public FakeGmailMailbox addMailbox(String token, String address, int messages) {
        FakeGmailMailbox mailbox = new FakeGmailMailbox(token, address, messages);
        mailboxes.put(token, mailbox);
        return mailbox;
    }

    public FakeGmailMailbox mailbox(String token) {
        return mailboxes.get(token);
    }

    /** Answers 429 rateLimitExceeded once a mailbox spends more than {@code unitsPerSecond} in a clock second. */
    public void enforceQuota(int unitsPerSecond) {
        quota = unitsPerSecond;
    }

    public void noQuota() {
        quota = 0;
    }

    /**
     * The next {@code count} calls of {@code operation} (e.g. {@code messages.get}, batch parts included; null for
     * any) fail with {@code status}, with a {@code Retry-After} header when {@code retryAfterSeconds} is not null.
     */
    public void failNext(String operation, int count, int status, Integer retryAfterSeconds) {
        for (int i = 0; i < count; i++) {
            failures.add(new Failure(operation, status, retryAfterSeconds));
        }
    }

    // --- dispatch ---

    private Answer handle(Call call, boolean inBatch) {
        if (!inBatch && "POST".equals(call.method()) && "/batch/gmail/v1".equals(call.path())) {
            return batch(call);
        }
        Matcher users = USERS.matcher(call.path());
        if (!users.matches()) {
            return error(404, "NOT_FOUND", "global", "notFound", "Not Found");
        }
        FakeGmailMailbox box = call.authorization() == null ? null
                : mailboxes.get(call.authorization().replaceFirst("(?i)^Bearer\\s+", ""));
        if (box == null) {
            return error(401, "UNAUTHENTICATED", "global", "authError",
                    "Request had invalid authentication credentials.");
        }
        if (!users.group(1).equals("me") && !users.group(1).equalsIgnoreCase(box.address)) {
            return error(403, "PERMISSION_DENIED", "global", "forbidden", "Delegation denied");
        }
        String[] rest = users.group(2).split("/");
        String operation = operation(call.method(), rest);
        if (operation == null) {
            return error(404, "NOT_FOUND", "global", "notFound", "Not Found");
        }
        box.operations.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
        Failure failure = takeFailure(operation);
        if (failure != null) {
            box.injectedFailures.incrementAndGet();
            return injected(failure);
        }
        int units = units(operation);
        if (!charge(box, units)) {
            box.rateLimited.incrementAndGet();
            return error(429, "RESOURCE_EXHAUSTED", "usageLimits", "rateLimitExceeded",
                    "User-rate limit exceeded.");
        }
        box.unitsCharged.addAndGet(units);
        try {
            return answer(operation, box, call, rest);
        } catch (BadRequest bad) {
            return error(400, "INVALID_ARGUMENT", "global", "invalidArgument", bad.getMessage());
        }
    }

    private static String operation(String method, String[] rest) {
        String first = rest[0];
        boolean get = "GET".equals(method);
        boolean post = "POST".equals(method);
        return switch (rest.length) {
            case 1 -> get && first.equals("profile") ? "users.getProfile"
                    : get && first.equals("messages") ? "messages.list"
                    : get && first.equals("history") ? "history.list"
                    : get && first.equals("labels") ? "labels.list"
                    : post && first.equals("watch") ? "users.watch"
                    : post && first.equals("stop") ? "users.stop" : null;
            case 2 -> !first.equals("messages") ? null
                    : post && rest[1].equals("send") ? "messages.send"
                    : get ? "messages.get" : null;
            case 3 -> !first.equals("messages") || !post ? null
                    : rest[2].equals("modify") ? "messages.modify"
                    : rest[2].equals("trash") ? "messages.trash" : null;
            case 4 -> get && first.equals("messages") && rest[2].equals("attachments") ? "messages.attachments.get"
                    : null;
            default -> null;
        };
    }

    /** Gmail's quota units per method. */
    private static int units(String operation) {
        return switch (operation) {
            case "users.getProfile", "labels.list" -> 1;
            case "history.list" -> 2;
            case "users.stop" -> 50;
            case "messages.send", "users.watch" -> 100;
            default -> 5;
        };
    }

    private Answer answer(String operation, FakeGmailMailbox box, Call call, String[] rest) {
        return switch (operation) {
            case "users.getProfile" -> profile(box);
            case "messages.list" -> list(box, call);
            case "messages.get" -> get(box, rest[1], call);
            case "messages.attachments.get" -> attachment(box, rest[1]);
            case "messages.send" -> send(box, call);
            case "messages.modify" -> modify(box, rest[1], call);
            case "messages.trash" -> trash(box, rest[1]);
            case "history.list" -> history(box, call);
            case "labels.list" -> labels();
            case "users.watch" -> watch(box, call);
            case "users.stop" -> new Answer(204, Map.of(), "");
            default -> error(404, "NOT_FOUND", "global", "notFound", "Not Found");
        };
    }

    private synchronized Failure takeFailure(String operation) {
        for (Iterator<Failure> it = failures.iterator(); it.hasNext();) {
            Failure failure = it.next();
            if (failure.operation() == null || failure.operation().equals(operation)) {
                it.remove();
                return failure;
            }
        }
        return null;
    }

    private boolean charge(FakeGmailMailbox box, int units) {
        int limit = quota;
        if (limit <= 0) {
            return true;
        }
        long[] window = windows.computeIfAbsent(box.token, k -> new long[2]);
        synchronized (window) {
            long second = System.currentTimeMillis() / 1000;
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            if (window[1] + units > limit) {
                return false;
            }
            window[1] += units;
            return true;
        }
    }

    // --- endpoints ---

    private Answer profile(FakeGmailMailbox box) {
        List<Msg> all = box.snapshot();
        ObjectNode profile = JSON.createObjectNode().put("emailAddress", box.address).put("messagesTotal", all.size())
                .put("threadsTotal", all.stream().map(m -> m.threadId).distinct().count())
                .put("historyId", String.valueOf(box.historyId()));
        return Answer.json(200, profile);
    }

    private Answer list(FakeGmailMailbox box, Call call) {
        boolean spamTrash = "true".equals(call.param("includeSpamTrash"));
        List<String> labelIds = call.params("labelIds");
        String q = call.param("q");
        List<Msg> matching = box.snapshot().stream()
                .filter(m -> spamTrash || !(m.labels.contains("TRASH") || m.labels.contains("SPAM")))
                .filter(m -> m.labels.containsAll(labelIds))
                .filter(m -> q == null || matches(m, q))
                .toList();
        int offset = call.param("pageToken") == null ? 0 : Integer.parseInt(call.param("pageToken"));
        int size = Math.min(500, call.param("maxResults") == null ? 100 : Integer.parseInt(call.param("maxResults")));
        ObjectNode page = JSON.createObjectNode();
        List<Msg> slice = matching.subList(Math.min(offset, matching.size()), Math.min(offset + size, matching.size()));
        if (!slice.isEmpty()) {
            ArrayNode messages = page.putArray("messages");
            slice.forEach(m -> messages.addObject().put("id", m.id).put("threadId", m.threadId));
        }
        if (offset + size < matching.size()) {
            page.put("nextPageToken", String.valueOf(offset + size));
        }
        page.put("resultSizeEstimate", matching.size());
        return Answer.json(200, page);
    }

    /** A small part of Gmail's search syntax: from:, subject:, is:unread, in:/label:, and plain words. */
    private static boolean matches(Msg message, String q) {
        for (String term : q.toLowerCase(Locale.ROOT).split("\\s+")) {
            String subject = String.valueOf(message.header("Subject")).toLowerCase(Locale.ROOT);
            String from = String.valueOf(message.header("From")).toLowerCase(Locale.ROOT);
            boolean hit;
            if (term.startsWith("from:")) {
                hit = from.contains(term.substring(5));
            } else if (term.startsWith("subject:")) {
                hit = subject.contains(term.substring(8));
            } else if (term.equals("is:unread")) {
                hit = message.labels.contains("UNREAD");
            } else if (term.startsWith("in:") || term.startsWith("label:")) {
                String label = term.substring(term.indexOf(':') + 1).toUpperCase(Locale.ROOT);
                hit = message.labels.contains(label);
            } else {
                hit = subject.contains(term) || from.contains(term)
                        || message.snippet.toLowerCase(Locale.ROOT).contains(term);
            }
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    private Answer get(FakeGmailMailbox box, String id, Call call) {
        Msg message = box.find(id);
        if (message == null) {
            return error(404, "NOT_FOUND", "global", "notFound", "Requested entity was not found.");
        }
        String format = call.param("format") == null ? "full" : call.param("format");
        ObjectNode json = minimal(message).put("snippet", message.snippet)
                .put("historyId", String.valueOf(box.historyId())).put("internalDate", String.valueOf(message.internalDate))
                .put("sizeEstimate", message.text.length() + message.html.length() + (message.attachment ? PDF.length : 0));
        switch (format) {
            case "minimal" -> {
            }
            case "metadata" -> {
                Set<String> wanted = call.params("metadataHeaders").stream().map(h -> h.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet());
                ObjectNode payload = json.putObject("payload").put("partId", "").put("mimeType", topType(message))
                        .put("filename", "");
                headers(payload, message.headers.stream()
                        .filter(h -> wanted.isEmpty() || wanted.contains(h.name().toLowerCase(Locale.ROOT))).toList());
            }
            case "full" -> json.set("payload", fullPayload(message));
            default -> throw new BadRequest("Invalid value for format: " + format);
        }
        return Answer.json(200, json);
    }

    private static ObjectNode minimal(Msg message) {
        ObjectNode json = JSON.createObjectNode().put("id", message.id).put("threadId", message.threadId);
        ArrayNode labels = json.putArray("labelIds");
        message.labels.forEach(labels::add);
        return json;
    }

    private static String topType(Msg message) {
        return message.attachment ? "multipart/mixed" : "multipart/alternative";
    }

    private static ObjectNode fullPayload(Msg message) {
        ObjectNode alternative = JSON.createObjectNode().put("mimeType", "multipart/alternative").put("filename", "");
        alternative.putObject("body").put("size", 0);
        ArrayNode texts = alternative.putArray("parts");
        texts.add(textPart("text/plain", message.text));
        texts.add(textPart("text/html", message.html));
        ObjectNode payload;
        if (message.attachment) {
            payload = JSON.createObjectNode().put("mimeType", "multipart/mixed").put("filename", "");
            payload.putObject("body").put("size", 0);
            ArrayNode parts = payload.putArray("parts");
            parts.add(alternative.put("partId", "0"));
            ObjectNode pdf = parts.addObject().put("partId", "1").put("mimeType", "application/pdf")
                    .put("filename", "invoice.pdf");
            headers(pdf, List.of(new Header("Content-Type", "application/pdf; name=\"invoice.pdf\""),
                    new Header("Content-Disposition", "attachment; filename=\"invoice.pdf\"")));
            pdf.putObject("body").put("attachmentId", "att-" + message.id).put("size", PDF.length);
            numberParts(alternative, "0");
        } else {
            payload = alternative;
            numberParts(alternative, "");
        }
        payload.put("partId", "");
        headers(payload, message.headers);
        return payload;
    }

    private static void numberParts(ObjectNode multipart, String prefix) {
        int i = 0;
        for (JsonNode part : multipart.withArray("parts")) {
            ((ObjectNode) part).put("partId", prefix.isEmpty() ? String.valueOf(i) : prefix + "." + i);
            i++;
        }
    }

    private static ObjectNode textPart(String type, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        ObjectNode part = JSON.createObjectNode().put("mimeType", type).put("filename", "");
        headers(part, List.of(new Header("Content-Type", type + "; charset=\"UTF-8\""),
                new Header("Content-Transfer-Encoding", "quoted-printable")));
        part.putObject("body").put("size", bytes.length).put("data", Base64.getUrlEncoder().encodeToString(bytes));
        return part;
    }

    private static void headers(ObjectNode part, List<Header> headers) {
        ArrayNode array = part.putArray("headers");
        headers.forEach(h -> array.addObject().put("name", h.name()).put("value", h.value()));
    }

    private Answer attachment(FakeGmailMailbox box, String id) {
        Msg message = box.find(id);
        if (message == null || !message.attachment) {
            return error(404, "NOT_FOUND", "global", "notFound", "Requested entity was not found.");
        }
        return Answer.json(200, JSON.createObjectNode().put("size", PDF.length)
                .put("data", Base64.getUrlEncoder().encodeToString(PDF)));
    }

    private Answer send(FakeGmailMailbox box, Call call) {
        JsonNode request = body(call);
        if (!request.path("raw").isTextual()) {
            throw new BadRequest("'raw' RFC822 payload message string or uploading message via /upload/* URL required");
        }
        MimeMessage mime;
        String text;
        try {
            byte[] raw = Base64.getUrlDecoder().decode(request.path("raw").asText());
            mime = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            if (mime.getAllRecipients() == null || mime.getAllRecipients().length == 0) {
                throw new BadRequest("Recipient address required");
            }
            Object content = mime.getContent();
            text = content instanceof String s ? s : "";
        } catch (BadRequest bad) {
            throw bad;
        } catch (Exception unparseable) {
            throw new BadRequest("Invalid raw message");
        }
        long at = System.currentTimeMillis();
        String id = box.newId();
        String thread = request.path("threadId").asText(null);
        String threadId = thread != null && box.snapshot().stream().anyMatch(m -> m.threadId.equals(thread)) ? thread : id;
        List<Header> headers = new ArrayList<>();
        for (String name : List.of("From", "To", "Cc", "Subject", "Date", "Message-ID", "In-Reply-To", "References")) {
            try {
                String value = name.equals("Subject") ? mime.getSubject() : mime.getHeader(name, ", ");
                if (value != null) {
                    headers.add(new Header(name, value));
                }
            } catch (Exception ignored) {
                // a header Gmail would drop
            }
        }
        headers.add(new Header("Content-Type", "text/plain; charset=UTF-8"));
        box.add(new Msg(id, threadId, at, headers, FakeGmailMailbox.snippet(text), text, "", false, List.of("SENT")));
        return Answer.json(200, minimal(box.find(id)));
    }

    private Answer modify(FakeGmailMailbox box, String id, Call call) {
        JsonNode request = body(call);
        List<String> add = strings(request.path("addLabelIds"));
        List<String> remove = strings(request.path("removeLabelIds"));
        for (String label : concat(add, remove)) {
            if (!FakeGmailMailbox.SYSTEM_LABELS.contains(label) && !FakeGmailMailbox.USER_LABELS.containsKey(label)) {
                throw new BadRequest("Invalid label: " + label);
            }
        }
        if (box.find(id) == null) {
            return error(404, "NOT_FOUND", "global", "notFound", "Requested entity was not found.");
        }
        box.relabel(id, add, remove);
        return Answer.json(200, minimal(box.find(id)));
    }

    private Answer trash(FakeGmailMailbox box, String id) {
        if (box.find(id) == null) {
            return error(404, "NOT_FOUND", "global", "notFound", "Requested entity was not found.");
        }
        box.relabel(id, List.of("TRASH"), List.of("INBOX"));
        return Answer.json(200, minimal(box.find(id)));
    }

    private Answer history(FakeGmailMailbox box, Call call) {
        String start = call.param("startHistoryId");
        if (start == null || !start.matches("[0-9]+")) {
            throw new BadRequest("Invalid startHistoryId");
        }
        List<History> records = box.historySince(Long.parseLong(start));
        if (records == null) {
            return error(404, "NOT_FOUND", "global", "notFound", "Requested entity was not found.");
        }
        List<String> types = call.params("historyTypes");
        records = records.stream().filter(h -> types.isEmpty() || types.contains(h.type())).toList();
        int offset = call.param("pageToken") == null ? 0 : Integer.parseInt(call.param("pageToken"));
        int size = Math.min(500, call.param("maxResults") == null ? 100 : Integer.parseInt(call.param("maxResults")));
        ObjectNode page = JSON.createObjectNode();
        List<History> slice = records.subList(Math.min(offset, records.size()), Math.min(offset + size, records.size()));
        if (!slice.isEmpty()) {
            ArrayNode history = page.putArray("history");
            for (History record : slice) {
                ObjectNode entry = history.addObject().put("id", String.valueOf(record.id()));
                entry.putArray("messages").addObject().put("id", record.messageId()).put("threadId", record.threadId());
                ObjectNode message = JSON.createObjectNode().put("id", record.messageId())
                        .put("threadId", record.threadId());
                if (!record.type().equals("messageDeleted")) {
                    ArrayNode labels = message.putArray("labelIds");
                    record.messageLabels().forEach(labels::add);
                }
                ObjectNode change = entry.putArray(switch (record.type()) {
                    case "messageAdded" -> "messagesAdded";
                    case "messageDeleted" -> "messagesDeleted";
                    case "labelAdded" -> "labelsAdded";
                    default -> "labelsRemoved";
                }).addObject();
                change.set("message", message);
                if (record.type().startsWith("label")) {
                    ArrayNode labels = change.putArray("labelIds");
                    record.labelIds().forEach(labels::add);
                }
            }
        }
        if (offset + size < records.size()) {
            page.put("nextPageToken", String.valueOf(offset + size));
        }
        page.put("historyId", String.valueOf(box.historyId()));
        return Answer.json(200, page);
    }

    private Answer labels() {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode labels = answer.putArray("labels");
        FakeGmailMailbox.SYSTEM_LABELS.forEach(l -> labels.addObject().put("id", l).put("name", l).put("type", "system"));
        FakeGmailMailbox.USER_LABELS.forEach((id, name) -> labels.addObject().put("id", id).put("name", name)
                .put("type", "user").put("messageListVisibility", "show").put("labelListVisibility", "labelShow"));
        return Answer.json(200, answer);
    }

    private Answer watch(FakeGmailMailbox box, Call call) {
        if (!body(call).path("topicName").isTextual()) {
            throw new BadRequest("Invalid topicName");
        }
        return Answer.json(200, JSON.createObjectNode().put("historyId", String.valueOf(box.historyId()))
                .put("expiration", String.valueOf(System.currentTimeMillis() + 7L * 24 * 3600 * 1000)));
    }

    // --- batch ---

    /** Parses the multipart/mixed batch and answers each part, in order, as the single endpoint would. */
    private Answer batch(Call call) {
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(String.valueOf(call.contentType()));
        if (!String.valueOf(call.contentType()).startsWith("multipart/mixed") || !boundary.find()) {
            return error(400, "INVALID_ARGUMENT", "global", "badRequest", "Batch requests must be multipart/mixed");
        }
        String[] segments = call.body().split(Pattern.quote("--" + boundary.group(1)));
        List<String> contentIds = new ArrayList<>();
        List<Call> parts = new ArrayList<>();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("--")) {
                break; // closing delimiter
            }
            String[] lines = segment.replaceFirst("^\r?\n", "").split("\r?\n", -1);
            int at = 0;
            String contentId = String.valueOf(i);
            for (; at < lines.length && !lines[at].isEmpty(); at++) {
                if (lines[at].toLowerCase(Locale.ROOT).startsWith("content-id:")) {
                    contentId = lines[at].substring(11).trim().replaceAll("^<|>$", "");
                }
            }
            String[] requestLine = lines[++at].split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (at++; at < lines.length && !lines[at].isEmpty(); at++) {
                int colon = lines[at].indexOf(':');
                headers.put(lines[at].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[at].substring(colon + 1).trim());
            }
            String body = String.join("\n", List.of(lines).subList(Math.min(at + 1, lines.length), lines.length)).trim();
            String target = requestLine[1].replaceFirst("^https?://[^/]+", "");
            int question = target.indexOf('?');
            contentIds.add(contentId);
            parts.add(new Call(requestLine[0], question < 0 ? target : target.substring(0, question),
                    query(question < 0 ? "" : target.substring(question + 1)),
                    headers.getOrDefault("authorization", call.authorization()), headers.get("content-type"), body));
        }
        if (parts.isEmpty() || parts.size() > 100) {
            return error(400, "INVALID_ARGUMENT", "global", "badRequest", "A batch holds 1 to 100 requests");
        }
        FakeGmailMailbox owner = mailboxes.get(String.valueOf(parts.get(0).authorization())
                .replaceFirst("(?i)^Bearer\\s+", ""));
        if (owner != null) {
            owner.batchSizes.add(parts.size());
        }
        String responseBoundary = "batch_" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Answer answer = handle(parts.get(i), true);
            out.append("--").append(responseBoundary).append("\r\n")
                    .append("Content-Type: application/http\r\n")
                    .append("Content-ID: <response-").append(contentIds.get(i)).append(">\r\n\r\n")
                    .append("HTTP/1.1 ").append(answer.status()).append(' ').append(reason(answer.status()))
                    .append("\r\n");
            answer.headers().forEach((name, value) -> out.append(name).append(": ").append(value).append("\r\n"));
            out.append("\r\n").append(answer.body()).append("\r\n");
        }
        out.append("--").append(responseBoundary).append("--\r\n");
        return new Answer(200, Map.of("Content-Type", "multipart/mixed; boundary=" + responseBoundary),
                out.toString());
    }

    // --- helpers ---

    private static Answer error(int code, String status, String domain, String reason, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error").put("code", code).put("message", message);
        error.putArray("errors").addObject().put("message", message).put("domain", domain).put("reason", reason);
        error.put("status", status);
        return Answer.json(code, root);
    }

    private static Answer injected(Failure failure) {
        Answer answer = switch (failure.status()) {
            case 429 -> error(429, "RESOURCE_EXHAUSTED", "usageLimits", "rateLimitExceeded", "User-rate limit exceeded.");
            case 401 -> error(401, "UNAUTHENTICATED", "global", "authError", "Invalid Credentials");
            case 403 -> error(403, "PERMISSION_DENIED", "usageLimits", "userRateLimitExceeded", "User Rate Limit Exceeded");
            case 500 -> error(500, "INTERNAL", "global", "backendError", "Backend Error");
            case 503 -> error(503, "UNAVAILABLE", "global", "backendError", "The service is currently unavailable.");
            default -> error(failure.status(), "UNKNOWN", "global", "failed", "Injected failure");
        };
        if (failure.retryAfterSeconds() == null) {
            return answer;
        }
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put("Retry-After", String.valueOf(failure.retryAfterSeconds()));
        return new Answer(answer.status(), headers, answer.body());
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static JsonNode body(Call call) {
        try {
            return call.body() == null || call.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(call.body());
        } catch (Exception notJson) {
            throw new BadRequest("Invalid JSON payload received.");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    /** The WireMock side: every request of the fake's own server is answered by {@link #handle}. */
    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String url = request.getUrl();
            int question = url.indexOf('?');
            Answer answer = handle(new Call(request.getMethod().getName(),
                    question < 0 ? url : url.substring(0, question),
                    query(question < 0 ? "" : url.substring(question + 1)),
                    request.containsHeader("Authorization") ? request.getHeader("Authorization") : null,
                    request.containsHeader("Content-Type") ? request.getHeader("Content-Type") : null,
                    request.getBodyAsString()), false);
            ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(answer.status()).withBody(answer.body());
            answer.headers().forEach(response::withHeader);
            return response.build();
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    /** {@code FakeGmail [port [messages [quota]]]}: one mailbox, token {@code fake-gmail-token}; quota 0 = off. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int quota = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_QUOTA;
        FakeGmail fake = start(port);
        fake.addMailbox("fake-gmail-token", "bench@example.org", messages);
        if (quota > 0) {
            fake.enforceQuota(quota);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(fake::stop, "fake-gmail-stop"));
        System.out.printf("FakeGmail on %s: %d messages, token fake-gmail-token, quota %s%n", fake.baseUrl(), messages,
                quota > 0 ? quota + " units/s" : "off");
        Thread.currentThread().join();
    }
}

package ai.andy.email.fakes;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Gmail mailbox of {@link FakeGmail}: messages newest first, labels, and the history Gmail keeps of changes.
 * Generated messages are realistic enough to exercise parsing (names with quotes, several recipients, threads,
 * text and HTML bodies, attachments) and reproducible (seeded by the address). Thread-safe: the fake serves requests
 * concurrently and tests change the mailbox while a sync runs.
 */
public final class FakeGmailMailbox {
    public static final Map<String, String> USER_LABELS = Map.of("Label_1", "Receipts", "Label_2", "Travel",
            "Label_3", "Family");
    static final List<String> SYSTEM_LABELS = List.of("INBOX", "SPAM", "TRASH", "UNREAD", "STARRED", "IMPORTANT",
            "SENT", "DRAFT", "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES",
            "CATEGORY_FORUMS");
    /** Present in every generated body after the part the snippet shows: finding it elsewhere means a body leaked. */
    public static final String BODY_MARKER = "body-only-marker";

    private static final String[] FIRST = { "Ada", "Bruno", "Chloé", "Dmitri", "Esther", "Farid", "Grace", "Hiro",
            "Inès", "Jonas", "Kemi", "Lars", "Mei", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tariq" };
    private static final String[] LAST = { "Lovelace", "O'Brien", "Dupont", "Ivanov", "Kowalski", "Haddad", "Hopper",
            "Tanaka", "Martín", "Berg", "Adeyemi", "Nilsson", "Chen", "Rahman", "Schulz", "Patel" };
    private static final String[] DOMAINS = { "example.org", "example.com", "mail.example.net", "corp.example" };
    private static final String[] SUBJECTS = { "Invoice %d for your subscription", "Re: Planning the %d offsite",
            "Your order #%d has shipped", "Weekly digest no. %d", "Lunch on Thursday? (%d)", "Photos from the trip %d",
            "Fwd: Contract draft v%d", "Reminder: dentist appointment %d", "Build %d failed on main",
            "Tickets for %d confirmed" };
    private static final String[] OPENERS = { "Hi, just following up on what we discussed last week.",
            "Thanks for your order! Here is a summary of what is on its way.",
            "Quick question before the meeting: can we move it by half an hour?",
            "Attached you will find the document we talked about.",
            "Here are this week's highlights from the team, in case you missed them." };

    final String address;
    final String token;
    private final List<Msg> messages = new ArrayList<>();
    private final List<History> history = new ArrayList<>();
    private long historyId;
    private final long oldestHistoryId;
    private volatile boolean historyExpired;
    private long clock;
    private int sequence;

    // Counters the tests and the benchmark read.
    final AtomicLong unitsCharged = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong injectedFailures = new AtomicLong();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final Map<String, AtomicLong> operations = new ConcurrentHashMap<>();

    record Header(String name, String value) {
    }

    /** One message. Mutable labels only; everything else is as delivered. */
    static final class Msg {
        final String id;
        final String threadId;
        final long internalDate;
        final List<Header> headers;
        final String snippet;
        final String text;
        final String html;
        final boolean attachment;
        final Set<String> labels;

        Msg(String id, String threadId, long internalDate, List<Header> headers, String snippet, String text,
                String html, boolean attachment, Collection<String> labels) {
            this.id = id;
            this.threadId = threadId;
            this.internalDate = internalDate;
            this.headers = List.copyOf(headers);
            this.snippet = snippet;
            this.text = text;
            this.html = html;
            this.attachment = attachment;
            this.labels = new LinkedHashSet<>(labels);
        }

        String header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst()
                    .orElse(null);
        }
    }

    /** One history record: {@code type} is messageAdded, messageDeleted, labelAdded or labelRemoved. */
    record History(long id, String type, String messageId, String threadId, List<String> messageLabels,
            List<String> labelIds) {
    }

    FakeGmailMailbox(String token, String address, int generated) {
        this.token = token;
        this.address = address;
        this.clock = 1_767_225_600_000L; // 2026-01-01T00:00:00Z; each message is a little newer than the last
        Random random = new Random(address.hashCode());
        String thread = null;
        for (int i = 0; i < generated; i++) {
            boolean reply = thread != null && random.nextInt(3) == 0;
            Msg message = generate(random, reply ? thread : null);
            thread = message.threadId;
            messages.add(0, message);
        }
        this.historyId = 10_000 + generated;
        this.oldestHistoryId = historyId;
    }

    public String address() {
        return address;
    }

    public String token() {
        return token;
    }

    public synchronized int size() {
        return messages.size();
    }

    /** Ids newest first, as messages.list answers. */
    public synchronized List<String> ids() {
        return messages.stream().map(m -> m.id).toList();
    }

    public synchronized Set<String> labels(String id) {
        Msg message = find(id);
        return message == null ? Set.of() : Set.copyOf(message.labels);
    }

    public synchronized String threadId(String id) {
        Msg message = find(id);
        return message == null ? null : message.threadId;
    }

    /** A header as delivered, e.g. {@code Message-ID}; null when absent. */
    public synchronized String header(String id, String name) {
        Msg message = find(id);
        return message == null ? null : message.header(name);
    }

    public synchronized boolean hasAttachment(String id) {
        Msg message = find(id);
        return message != null && message.attachment;
    }

    public synchronized long historyId() {
        return historyId;
    }

    /** From now on history.list answers 404, as Gmail does once a start id is older than it keeps. */
    public void expireHistory() {
        historyExpired = true;
    }

    /** A new message arrives in the inbox, unread; returns its id. */
    public synchronized String deliver(String from, String subject, String text) {
        long at = tick();
        String id = newId(at);
        Msg message = new Msg(id, id, at, List.of(new Header("From", from), new Header("To", address),
                new Header("Subject", subject), new Header("Date", date(at)),
                new Header("Message-ID", "<" + id + "@" + domain(from) + ">"),
                new Header("Content-Type", "multipart/alternative; boundary=\"b" + id + "\"")),
                snippet(text), text, "<p>" + text + "</p>", false, List.of("INBOX", "UNREAD", "CATEGORY_PERSONAL"));
        add(message);
        return id;
    }

    /** The message is deleted for good (not trashed). */
    public synchronized void delete(String id) {
        Msg message = find(id);
        if (message != null) {
            messages.remove(message);
            record("messageDeleted", message, List.of());
        }
    }

    /** Labels change as if the person did it in Gmail's own UI. */
    public synchronized void relabel(String id, List<String> add, List<String> remove) {
        Msg message = find(id);
        if (message == null) {
            return;
        }
        List<String> added = add.stream().filter(message.labels::add).toList();
        List<String> removed = remove.stream().filter(message.labels::remove).toList();
        if (!added.isEmpty()) {
            record("labelAdded", message, added);
        }
        if (!removed.isEmpty()) {
            record("labelRemoved", message, removed);
        }
    }

    public long unitsCharged() {
        return unitsCharged.get();
    }

    /** 429s answered because the quota was exceeded (not injected ones). */
    public long rateLimited() {
        return rateLimited.get();
    }

    public long injectedFailures() {
        return injectedFailures.get();
    }

    /** Parts per batch request, in arrival order. */
    public List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    /** How often an operation (e.g. {@code messages.get}, also inside batches) was answered, failures included. */
    public long calls(String operation) {
        AtomicLong count = operations.get(operation);
        return count == null ? 0 : count.get();
    }

    // --- used by FakeGmail ---

    synchronized Msg find(String id) {
        return messages.stream().filter(m -> m.id.equals(id)).findFirst().orElse(null);
    }

    synchronized List<Msg> snapshot() {
        return List.copyOf(messages);
    }

    /** Records after {@code start}, or null when Gmail would no longer have them. */
    synchronized List<History> historySince(long start) {
        if (historyExpired || start < oldestHistoryId) {
            return null;
        }
        return history.stream().filter(h -> h.id() > start).toList();
    }

    synchronized void add(Msg message) {
        messages.add(0, message);
        record("messageAdded", message, List.of());
    }

    synchronized String newId() {
        return newId(tick());
    }

    long tick() {
        clock += 60_000 + (sequence % 17) * 97_000L;
        return clock;
    }

    static String date(long millis) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 100 ? flat : flat.substring(0, 100);
    }

    private void record(String type, Msg message, List<String> labelIds) {
        history.add(new History(++historyId, type, message.id, message.threadId, List.copyOf(message.labels),
                labelIds));
    }

    private String newId(long at) {
        return Long.toHexString(at) + String.format("%03x", sequence++ % 4096);
    }

    private Msg generate(Random random, String thread) {
        long at = tick();
        String id = newId(at);
        String from = person(random);
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("From", from));
        headers.add(new Header("To", address + (random.nextInt(3) == 0 ? ", " + person(random) : "")));
        if (random.nextInt(4) == 0) {
            headers.add(new Header("Cc", person(random) + ", " + person(random)));
        }
        String subject = String.format(SUBJECTS[random.nextInt(SUBJECTS.length)], 100 + random.nextInt(900));
        headers.add(new Header("Subject", thread == null ? subject : "Re: " + subject));
        headers.add(new Header("Date", date(at)));
        headers.add(new Header("Message-ID", "<" + id + "@" + domain(from) + ">"));
        boolean attachment = random.nextInt(8) == 0;
        headers.add(new Header("Content-Type", (attachment ? "multipart/mixed" : "multipart/alternative")
                + "; boundary=\"b" + id + "\""));
        String opener = OPENERS[random.nextInt(OPENERS.length)];
        String text = opener + "\n\nThe rest of this message is only in its body, never in metadata: "
                + BODY_MARKER + " " + id + ".\n\nBest regards";
        String html = "<html><body><p>" + opener + "</p><p>Only in the body: <b>" + BODY_MARKER + "</b> " + id
                + ".</p><p>Best regards</p></body></html>";
        List<String> labels = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            labels.add("SENT");
        } else {
            labels.add("INBOX");
            labels.add(random.nextBoolean() ? "CATEGORY_PERSONAL" : "CATEGORY_UPDATES");
        }
        if (random.nextInt(10) < 3) {
            labels.add("UNREAD");
        }
        if (random.nextInt(12) == 0) {
            labels.add("Label_1");
        }
        if (random.nextInt(15) == 0) {
            labels.add("STARRED");
        }
        return new Msg(id, thread == null ? id : thread, at, headers, snippet(opener), text, html, attachment, labels);
    }

    private static String person(Random random) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String local = (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "");
        String mailbox = local + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
        // Names with an apostrophe are quoted, as mail clients write them.
        return (last.contains("'") ? "\"" + first + " " + last + "\"" : first + " " + last) + " <" + mailbox + ">";
    }

    private static String domain(String from) {
        int at = from.lastIndexOf('@');
        return at < 0 ? "example.org" : from.substring(at + 1).replace(">", "").trim();
    }
}

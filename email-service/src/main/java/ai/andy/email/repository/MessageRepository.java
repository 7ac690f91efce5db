package ai.andy.email.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.email.MailProviderKind;
import ai.andy.email.EmailAddress;
import ai.andy.email.MessageMetadata;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Message metadata in PostgreSQL, through the reactive SQL client: sync writes whole batches in one statement, and
 * every read is scoped to one person. Recipients are stored one per line and labels as {@code ,A,B,} (see V2).
 */
@ApplicationScoped
public class MessageRepository {
    private static final String COLUMNS = "m.id, m.account_id, a.provider, m.provider_id, m.thread_id, m.from_name, "
            + "m.from_address, m.to_addresses, m.cc_addresses, m.subject, m.snippet, m.received_at, m.unread, m.labels, "
            + "m.has_attachments, m.delivery_note, m.demo";
    private static final int SNIPPET_MAX = 400;
    private static final java.util.Set<String> HIDDEN = java.util.Set.of("TRASH", "SPAM", "DELETEDITEMS", "JUNKEMAIL");

    private final Pool db;

    MessageRepository(Pool db) {
        this.db = db;
    }

    /** Inserts or refreshes a batch from a sync; returns the provider ids that were new. */
    public Uni<List<String>> upsert(UUID accountId, String userId, List<MessageMetadata> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // The same message can appear twice in one history page; the last word wins.
        var unique = batch.stream().collect(Collectors.toMap(MessageMetadata::providerId, m -> m, (a, b) -> b,
                java.util.LinkedHashMap::new)).values();
        int n = unique.size();
        UUID[] ids = new UUID[n];
        String[] providerIds = new String[n];
        String[] threads = new String[n];
        String[] fromNames = new String[n];
        String[] fromAddresses = new String[n];
        String[] tos = new String[n];
        String[] ccs = new String[n];
        String[] subjects = new String[n];
        String[] snippets = new String[n];
        OffsetDateTime[] received = new OffsetDateTime[n];
        Boolean[] unread = new Boolean[n];
        String[] labels = new String[n];
        Boolean[] attachments = new Boolean[n];
        int i = 0;
        for (MessageMetadata m : unique) {
            ids[i] = UUID.randomUUID();
            providerIds[i] = m.providerId();
            threads[i] = m.threadId();
            fromNames[i] = m.from() == null ? null : m.from().name();
            fromAddresses[i] = m.from() == null ? null : m.from().address();
            tos[i] = joinAddresses(m.to());
            ccs[i] = joinAddresses(m.cc());
            subjects[i] = m.subject();
            snippets[i] = m.snippet() == null ? null : truncate(m.snippet(), SNIPPET_MAX);
            received[i] = (m.receivedAt() == null ? Instant.EPOCH : m.receivedAt()).atOffset(ZoneOffset.UTC);
            unread[i] = m.unread();
            labels[i] = joinLabels(m.labels());
            attachments[i] = m.hasAttachments();
            i++;
        }
        String sql = """
                insert into mail_message (id, account_id, user_id, provider_id, thread_id, from_name, from_address,
                    to_addresses, cc_addresses, subject, snippet, received_at, unread, labels, has_attachments)
                select u.id, $1, $2, u.provider_id, u.thread_id, u.from_name, u.from_address, u.to_addresses,
                    u.cc_addresses, u.subject, u.snippet, u.received_at, u.unread, u.labels, u.has_attachments
                from unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                    $10::text[], $11::text[], $12::timestamptz[], $13::bool[], $14::text[], $15::bool[])
                    as u(id, provider_id, thread_id, from_name, from_address, to_addresses, cc_addresses, subject,
                         snippet, received_at, unread, labels, has_attachments)
                on conflict (account_id, provider_id) do update set thread_id = excluded.thread_id,
                    from_name = excluded.from_name, from_address = excluded.from_address,
                    to_addresses = excluded.to_addresses, cc_addresses = excluded.cc_addresses,
                    subject = excluded.subject, snippet = excluded.snippet, received_at = excluded.received_at,
                    unread = excluded.unread, labels = excluded.labels, has_attachments = excluded.has_attachments
                returning provider_id, (xmax = 0) as inserted
                """;
        Tuple args = Tuple.tuple(List.of(accountId, userId, ids, providerIds, threads, fromNames, fromAddresses, tos,
                ccs, subjects, snippets, received, unread, labels, attachments));
        return db.preparedQuery(sql).execute(args).map(rows -> {
            List<String> inserted = new ArrayList<>();
            for (Row row : rows) {
                if (row.getBoolean("inserted")) {
                    inserted.add(row.getString("provider_id"));
                }
            }
            return inserted;
        });
    }

    public Uni<Void> remove(UUID accountId, List<String> providerIds) {
        if (providerIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return db.preparedQuery("delete from mail_message where account_id = $1 and provider_id = any($2)")
                .execute(Tuple.of(accountId, providerIds.toArray(String[]::new))).replaceWithVoid();
    }

    /** Removes what a full resync did not see again. */
    public Uni<Long> removeAllExcept(UUID accountId, List<String> keep) {
        return db.preparedQuery("delete from mail_message where account_id = $1 and not (provider_id = any($2))")
                .execute(Tuple.of(accountId, keep.toArray(String[]::new))).map(rows -> (long) rows.rowCount());
    }

    public Uni<List<StoredMessage>> list(String userId, MessageQuery query) {
        List<Object> args = new ArrayList<>();
        args.add(userId);
        StringBuilder where = new StringBuilder("m.user_id = $1");
        if (query.unread() != null) {
            args.add(query.unread());
            where.append(" and m.unread = $").append(args.size());
        }
        if (query.since() != null) {
            args.add(query.since().atOffset(ZoneOffset.UTC));
            where.append(" and m.received_at >= $").append(args.size());
        }
        if (query.until() != null) {
            args.add(query.until().atOffset(ZoneOffset.UTC));
            where.append(" and m.received_at < $").append(args.size());
        }
        if (query.from() != null) {
            args.add("%" + likeEscape(query.from()) + "%");
            where.append(" and (m.from_address ilike $").append(args.size())
                    .append(" or m.from_name ilike $").append(args.size()).append(")");
        }
        if (query.text() != null) {
            args.add("%" + likeEscape(query.text()) + "%");
            int p = args.size();
            where.append(" and (m.subject ilike $").append(p).append(" or m.snippet ilike $").append(p)
                    .append(" or m.from_address ilike $").append(p).append(" or m.from_name ilike $").append(p)
                    .append(")");
        }
        if (query.label() != null) {
            args.add("%," + likeEscape(query.label()) + ",%");
            where.append(" and m.labels ilike $").append(args.size());
        }
        if (query.label() == null || !HIDDEN.contains(query.label().toUpperCase(java.util.Locale.ROOT))) {
            // Trash and spam only show when asked for by label, as in every mail client.
            HIDDEN.forEach(hidden -> where.append(" and m.labels not like '%,").append(hidden).append(",%'"));
        }
        if (query.accountId() != null) {
            args.add(query.accountId());
            where.append(" and m.account_id = $").append(args.size());
        }
        if (query.after() != null) {
            args.add(query.after().receivedAt().atOffset(ZoneOffset.UTC));
            args.add(query.after().id());
            where.append(" and (m.received_at, m.id) < ($").append(args.size() - 1).append(", $")
                    .append(args.size()).append(")");
        }
        args.add(query.limit());
        String sql = "select " + COLUMNS + " from mail_message m join mail_account a on a.id = m.account_id where "
                + where + " order by m.received_at desc, m.id desc limit $" + args.size();
        return db.preparedQuery(sql).execute(Tuple.from(args)).map(MessageRepository::toMessages);
    }

    public Uni<Optional<StoredMessage>> find(String userId, UUID id) {
        return db.preparedQuery("select " + COLUMNS
                        + " from mail_message m join mail_account a on a.id = m.account_id where m.user_id = $1 and m.id = $2")
                .execute(Tuple.of(userId, id))
                .map(rows -> toMessages(rows).stream().findFirst());
    }

    public Uni<List<StoredMessage>> findByProviderIds(UUID accountId, List<String> providerIds) {
        return db.preparedQuery("select " + COLUMNS + " from mail_message m join mail_account a on a.id = m.account_id"
                        + " where m.account_id = $1 and m.provider_id = any($2) order by m.received_at desc, m.id desc")
                .execute(Tuple.of(accountId, providerIds.toArray(String[]::new))).map(MessageRepository::toMessages);
    }

    public Uni<Void> updateFlags(String userId, UUID id, boolean unread, List<String> labels) {
        return db.preparedQuery("update mail_message set unread = $3, labels = $4 where user_id = $1 and id = $2")
                .execute(Tuple.of(userId, id, unread, joinLabels(labels))).replaceWithVoid();
    }

    public Uni<Void> delete(String userId, UUID id) {
        return db.preparedQuery("delete from mail_message where user_id = $1 and id = $2")
                .execute(Tuple.of(userId, id)).replaceWithVoid();
    }

    /** Files a message in a local mailbox, with its body sealed by the caller. */
    public Uni<Void> insertLocal(UUID id, UUID accountId, String userId, MessageMetadata m, byte[] sealedBody,
            int keyId, String deliveryNote, boolean demo) {
        String sql = """
                insert into mail_message (id, account_id, user_id, provider_id, thread_id, from_name, from_address,
                    to_addresses, cc_addresses, subject, snippet, received_at, unread, labels, has_attachments,
                    body_sealed, body_key_id, delivery_note, demo)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
                """;
        Tuple args = Tuple.tuple(Arrays.asList(id, accountId, userId, m.providerId(), m.threadId(),
                m.from() == null ? null : m.from().name(), m.from() == null ? null : m.from().address(),
                joinAddresses(m.to()), joinAddresses(m.cc()), m.subject(),
                m.snippet() == null ? null : truncate(m.snippet(), SNIPPET_MAX),
                m.receivedAt().atOffset(ZoneOffset.UTC), m.unread(), joinLabels(m.labels()), m.hasAttachments(),
                io.vertx.core.buffer.Buffer.buffer(sealedBody), keyId, deliveryNote, demo));
        return db.preparedQuery(sql).execute(args).replaceWithVoid();
    }

    /** The sealed body of a local message by its provider id, or empty. */
    public Uni<Optional<byte[]>> sealedBody(UUID accountId, String providerId) {
        return db.preparedQuery("select body_sealed from mail_message where account_id = $1 and provider_id = $2")
                .execute(Tuple.of(accountId, providerId))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    var buffer = it.next().getBuffer("body_sealed");
                    return Optional.ofNullable(buffer == null ? null : buffer.getBytes());
                });
    }

    /** Local mailboxes by address (case-insensitive), for delivery between Andy's people: (account id, user id). */
    public Uni<List<LocalRecipient>> localMailboxes(List<String> addresses) {
        if (addresses.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return db.preparedQuery("select id, user_id, lower(address) as address from mail_account"
                        + " where provider = 'local' and lower(address) = any($1)")
                .execute(Tuple.of(addresses.stream().map(a -> a.toLowerCase(java.util.Locale.ROOT))
                        .toArray(String[]::new)))
                .map(rows -> {
                    List<LocalRecipient> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new LocalRecipient(row.getUUID("id"), row.getString("user_id"),
                                row.getString("address")));
                    }
                    return found;
                });
    }

    public record LocalRecipient(UUID accountId, String userId, String address) {
    }

    public Uni<Optional<UUID>> idempotentSend(String userId, String key) {
        return db.preparedQuery("select message_id from sent_request where user_id = $1 and idempotency_key = $2")
                .execute(Tuple.of(userId, key))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next().getUUID(0)) : Optional.empty());
    }

    /** Records a send under its key; false when another request got there first. */
    public Uni<Boolean> rememberSend(String userId, String key, UUID messageId) {
        return db.preparedQuery("insert into sent_request (user_id, idempotency_key, message_id) values ($1, $2, $3)"
                        + " on conflict do nothing")
                .execute(Tuple.of(userId, key, messageId)).map(rows -> rows.rowCount() == 1);
    }

    /** Someone the person has exchanged mail with, and how many of their messages involve them. */
    public record Correspondent(String name, String address, long messages) {
    }

    /**
     * People the person has mail from or to whose name or address matches {@code name} (a word of the name, or the
     * start of the address), most frequent first: how "Sarah" in a chat becomes an address.
     */
    public Uni<List<Correspondent>> correspondents(String userId, String name, int limit) {
        String sql = """
                with people as (
                    select from_name as name, lower(from_address) as address
                    from mail_message where user_id = $1 and from_address is not null
                    union all
                    select nullif(split_part(line, chr(9), 1), ''), lower(split_part(line, chr(9), 2))
                    from mail_message, unnest(string_to_array(to_addresses || chr(10) || cc_addresses, chr(10))) as line
                    where user_id = $1 and line <> ''
                )
                select max(name) as name, address, count(*) as messages from people
                where (name ~* $2 or address ilike $3) and address <> ''
                group by address order by messages desc, address limit $4
                """;
        return db.preparedQuery(sql)
                .execute(Tuple.of(userId, "(^|\\s)" + regexEscape(name.trim()), likeEscape(name.trim()) + "%", limit))
                .map(rows -> {
                    List<Correspondent> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new Correspondent(row.getString("name"), row.getString("address"),
                                row.getLong("messages")));
                    }
                    return found;
                });
    }

    private static String regexEscape(String text) {
        return text.replaceAll("[\\\\.^$|?*+()\\[\\]{}]", "\\\\$0");
    }

    public Uni<Long> countForAccount(UUID accountId) {
        return db.preparedQuery("select count(*) from mail_message where account_id = $1").execute(Tuple.of(accountId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static List<StoredMessage> toMessages(RowSet<Row> rows) {
        List<StoredMessage> messages = new ArrayList<>(rows.rowCount());
        for (Row row : rows) {
            String fromAddress = row.getString("from_address");
            messages.add(new StoredMessage(row.getUUID("id"), row.getUUID("account_id"),
                    MailProviderKind.valueOf(row.getString("provider")), row.getString("provider_id"),
                    row.getString("thread_id"),
                    fromAddress == null ? null : new EmailAddress(row.getString("from_name"), fromAddress),
                    splitAddresses(row.getString("to_addresses")), splitAddresses(row.getString("cc_addresses")),
                    row.getString("subject"), row.getString("snippet"),
                    row.getOffsetDateTime("received_at").toInstant(), row.getBoolean("unread"),
                    splitLabels(row.getString("labels")), row.getBoolean("has_attachments"),
                    row.getString("delivery_note"), row.getBoolean("demo")));
        }
        return messages;
    }

    static String joinAddresses(List<EmailAddress> addresses) {
        return addresses.stream()
                .map(a -> (a.name() == null ? "" : a.name().replace('\n', ' ').replace('\t', ' ')) + "\t" + a.address())
                .collect(Collectors.joining("\n"));
    }

    static List<EmailAddress> splitAddresses(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(joined.split("\n")).map(line -> {
            int tab = line.indexOf('\t');
            String name = tab > 0 ? line.substring(0, tab) : null;
            return new EmailAddress(name, line.substring(tab + 1));
        }).toList();
    }

    static String joinLabels(List<String> labels) {
        return "," + new LinkedHashSet<>(labels).stream().map(l -> l.replace(",", " "))
                .collect(Collectors.joining(",")) + (labels.isEmpty() ? "" : ",");
    }

    static List<String> splitLabels(String joined) {
        return Arrays.stream(joined.split(",")).filter(s -> !s.isEmpty()).toList();
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}

package ai.andy.chat.repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.chat.ConversationDetail;
import ai.andy.chat.ConversationPage;
import ai.andy.chat.ConversationView;
import ai.andy.chat.MessageView;
import ai.andy.runtime.crypto.Vault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Conversations and their messages, always scoped to the person who owns them: every query names the user id, so an
 * id guessed from someone else's conversation finds nothing. Texts and titles are sealed with the vault, bound to
 * their row id, so a ciphertext copied onto another row does not open.
 */
@ApplicationScoped
public class ConversationStore {
    private static final int TITLE_LENGTH = 60;

    private final Pool db;
    private final Vault vault;
    private final MessagePartitions partitions;

    ConversationStore(Pool db, Vault vault, MessagePartitions partitions) {
        this.db = db;
        this.vault = vault;
        this.partitions = partitions;
    }

    public Uni<ConversationView> create(String userId, String title, Duration retention) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        Vault.Sealed sealedTitle = title == null || title.isBlank() ? null : vault.seal(title.strip(), titleData(id));
        return db.preparedQuery("insert into conversation (id, user_id, title_sealed, title_key_id, created_at, "
                + "updated_at, expires_at) values ($1, $2, $3, $4, $5, $5, $6)")
                .execute(Tuple.from(new Object[] { id, userId, sealedTitle == null ? null : sealedTitle.ciphertext(),
                        sealedTitle == null ? null : sealedTitle.keyId(), now, now.plus(retention) }))
                .replaceWith(new ConversationView(id, title == null || title.isBlank() ? null : title.strip(), now,
                        now));
    }

    public Uni<ConversationPage> list(String userId, int limit, PageCursor cursor) {
        String sql = "select id, title_sealed, created_at, updated_at from conversation where user_id = $1"
                + (cursor == null ? "" : " and (updated_at, id) < ($3, $4)")
                + " order by updated_at desc, id desc limit $2";
        Tuple args = cursor == null ? Tuple.of(userId, limit + 1)
                : Tuple.of(userId, limit + 1, cursor.time(), cursor.id());
        return db.preparedQuery(sql).execute(args).map(rows -> {
            List<ConversationView> page = new ArrayList<>();
            for (Row row : rows) {
                page.add(conversation(row));
            }
            String next = null;
            if (page.size() > limit) {
                page = page.subList(0, limit);
                ConversationView last = page.get(limit - 1);
                next = new PageCursor(last.updatedAt(), last.id()).encode();
            }
            return new ConversationPage(List.copyOf(page), next);
        });
    }

    public Uni<Optional<ConversationView>> find(String userId, UUID id) {
        return db.preparedQuery("select id, title_sealed, created_at, updated_at from conversation "
                + "where id = $1 and user_id = $2").execute(Tuple.of(id, userId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(conversation(rows.iterator().next()))
                        : Optional.<ConversationView> empty());
    }

    /** A conversation with its newest {@code limit} messages before {@code cursor}, oldest first. */
    public Uni<Optional<ConversationDetail>> detail(String userId, UUID id, int limit, PageCursor cursor) {
        return find(userId, id).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<ConversationDetail> empty());
            }
            ConversationView c = found.get();
            return newestMessages(userId, id, limit + 1, cursor).map(messages -> {
                String next = null;
                List<MessageView> page = messages;
                if (messages.size() > limit) {
                    page = messages.subList(0, limit);
                    MessageView oldest = page.get(limit - 1);
                    next = new PageCursor(oldest.createdAt(), oldest.id()).encode();
                }
                List<MessageView> chronological = new ArrayList<>(page);
                Collections.reverse(chronological);
                return Optional.of(new ConversationDetail(c.id(), c.title(), c.createdAt(), c.updatedAt(),
                        List.copyOf(chronological), next));
            });
        });
    }

    /** One message of the person's conversation; empty when it is not theirs or no longer kept. */
    public Uni<Optional<MessageView>> message(String userId, UUID conversationId, UUID id) {
        return db.preparedQuery("select id, role, text_sealed, created_at from chat_message where id = $1 and "
                + "conversation_id = $2 and user_id = $3 and expires_at > now()")
                .execute(Tuple.of(id, conversationId, userId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(message(rows.iterator().next()))
                        : Optional.<MessageView> empty());
    }

    /** The last {@code count} messages, oldest first: the history a turn builds on. */
    public Uni<List<MessageView>> recentMessages(String userId, UUID conversationId, int count) {
        return newestMessages(userId, conversationId, count, null).map(newest -> {
            List<MessageView> chronological = new ArrayList<>(newest);
            Collections.reverse(chronological);
            return chronological;
        });
    }

    private Uni<List<MessageView>> newestMessages(String userId, UUID conversationId, int count, PageCursor before) {
        String sql = "select id, role, text_sealed, created_at from chat_message where conversation_id = $1 "
                + "and user_id = $2 and expires_at > now()"
                + (before == null ? "" : " and (created_at, id) < ($4, $5)")
                + " order by created_at desc, id desc limit $3";
        Tuple args = before == null ? Tuple.of(conversationId, userId, count)
                : Tuple.of(conversationId, userId, count, before.time(), before.id());
        return db.preparedQuery(sql).execute(args).map(rows -> {
            List<MessageView> messages = new ArrayList<>();
            for (Row row : rows) {
                messages.add(message(row));
            }
            return messages;
        });
    }

    /**
     * Adds a message and keeps the conversation alive until it expires; the first thing the person says titles an
     * untitled conversation. Empty when the conversation is not this person's (or no longer exists).
     */
    public Uni<Optional<MessageView>> append(String userId, UUID conversationId, String role, String text,
            Duration retention) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        OffsetDateTime expiresAt = now.plus(retention);
        Vault.Sealed sealed = vault.seal(text, messageData(id));
        String title = "user".equals(role) ? title(text) : null;
        Vault.Sealed sealedTitle = title == null ? null : vault.seal(title, titleData(conversationId));
        return partitions.ensureFor(expiresAt).chain(() -> db.withTransaction(tx -> tx
                .preparedQuery("update conversation set updated_at = $3, expires_at = greatest(expires_at, $4), "
                        + "title_sealed = coalesce(title_sealed, $5), title_key_id = coalesce(title_key_id, $6) "
                        + "where id = $1 and user_id = $2")
                .execute(Tuple.from(new Object[] { conversationId, userId, now, expiresAt,
                        sealedTitle == null ? null : sealedTitle.ciphertext(),
                        sealedTitle == null ? null : sealedTitle.keyId() }))
                .chain(updated -> updated.rowCount() == 0 ? Uni.createFrom().item(Optional.<MessageView> empty())
                        : tx.preparedQuery("insert into chat_message (id, conversation_id, user_id, role, "
                                + "text_sealed, key_id, created_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                                .execute(Tuple.from(new Object[] { id, conversationId, userId, role,
                                        sealed.ciphertext(), sealed.keyId(), now, expiresAt }))
                                .replaceWith(Optional.of(new MessageView(id, role, text, now))))));
    }

    /** Deletes a conversation, its messages and the actions it left pending; false when it is not this person's. */
    public Uni<Boolean> delete(String userId, UUID id) {
        return db.withTransaction(tx -> tx.preparedQuery("delete from conversation where id = $1 and user_id = $2")
                .execute(Tuple.of(id, userId))
                .chain(deleted -> deleted.rowCount() == 0 ? Uni.createFrom().item(false)
                        : tx.preparedQuery("delete from chat_message where conversation_id = $1 and user_id = $2")
                                .execute(Tuple.of(id, userId))
                                .chain(() -> tx.preparedQuery("delete from pending_action where conversation_id = $1 "
                                        + "and user_id = $2").execute(Tuple.of(id, userId)))
                                .replaceWith(true)));
    }

    /** Everything of a person who deleted their account. */
    public Uni<Void> forgetUser(String userId) {
        return db.withTransaction(tx -> tx.preparedQuery("delete from chat_message where user_id = $1")
                .execute(Tuple.of(userId))
                .chain(() -> tx.preparedQuery("delete from conversation where user_id = $1").execute(Tuple.of(userId)))
                .chain(() -> tx.preparedQuery("delete from pending_action where user_id = $1")
                        .execute(Tuple.of(userId)))
                // Confirmed intents waiting in (or published from) the outbox carry recipients and texts too.
                .chain(() -> tx.preparedQuery("delete from outbox_event where user_id = $1").execute(Tuple.of(userId)))
                .chain(() -> tx.preparedQuery("delete from turn_request where user_id = $1").execute(Tuple.of(userId)))
                .replaceWithVoid());
    }

    /**
     * Retention: drops the months that are over, deletes what expired in the current one, then the conversations
     * left without messages. Returns how many messages were deleted row by row (dropped months are not counted).
     */
    public Uni<Integer> purgeExpired() {
        OffsetDateTime now = now();
        return partitions.dropExpired(now.toInstant())
                .chain(() -> db.preparedQuery("delete from chat_message where expires_at <= $1")
                        .execute(Tuple.of(now)))
                .chain(deleted -> db.preparedQuery("delete from conversation where expires_at <= $1")
                        .execute(Tuple.of(now)).replaceWith(deleted.rowCount()));
    }

    private MessageView message(Row row) {
        UUID id = row.getUUID("id");
        return new MessageView(id, row.getString("role"),
                vault.openString(row.getBuffer("text_sealed").getBytes(), messageData(id)),
                row.getOffsetDateTime("created_at"));
    }

    private ConversationView conversation(Row row) {
        UUID id = row.getUUID("id");
        var sealed = row.getBuffer("title_sealed");
        return new ConversationView(id, sealed == null ? null : vault.openString(sealed.getBytes(), titleData(id)),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }

    private static String title(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1).strip() + "…";
    }

    private static String messageData(UUID id) {
        return "chat_message:" + id;
    }

    private static String titleData(UUID id) {
        return "conversation_title:" + id;
    }

    /** Postgres keeps microseconds; truncating here keeps cursors and stored times identical. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}

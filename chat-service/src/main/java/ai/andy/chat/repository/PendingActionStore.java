package ai.andy.chat.repository;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.andy.chat.PendingActionView;
import ai.andy.events.Topics;
import ai.andy.events.payload.ChatIntent;
import ai.andy.runtime.crypto.Vault;
import ai.andy.runtime.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Actions waiting for the person's word, scoped to their owner. The params, the summary and the outcome are personal
 * data (recipients, texts), sealed with the vault. A pending action past its expiry reads as {@code expired} even
 * before the housekeeping job marks it so.
 */
@ApplicationScoped
public class PendingActionStore {
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, conversation_id, intent, content_sealed, status, created_at, "
            + "expires_at";

    private final Pool db;
    private final Vault vault;
    private final ObjectMapper json;
    private final Outbox outbox;

    PendingActionStore(Pool db, Vault vault, ObjectMapper json, Outbox outbox) {
        this.db = db;
        this.vault = vault;
        this.json = json;
        this.outbox = outbox;
    }

    public Uni<PendingActionView> create(String userId, UUID conversationId, String intent, Map<String, Object> params,
            String summary, Duration ttl) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime expiresAt = now.plus(ttl);
        Vault.Sealed sealed = seal(id, new Content(params, summary, null));
        return db.preparedQuery("insert into pending_action (id, user_id, conversation_id, intent, content_sealed, "
                + "key_id, status, created_at, expires_at) values ($1, $2, $3, $4, $5, $6, 'pending', $7, $8)")
                .execute(Tuple.from(new Object[] { id, userId, conversationId, intent, sealed.ciphertext(),
                        sealed.keyId(), now, expiresAt }))
                .replaceWith(new PendingActionView(id, conversationId, intent, params, summary, "pending", now,
                        expiresAt, null));
    }

    /** The person's actions, newest first; {@code status} filters (null: all). */
    public Uni<List<PendingActionView>> list(String userId, String status, int limit) {
        String filter = switch (status == null ? "" : status) {
            case "" -> "";
            case "pending" -> " and status = 'pending' and expires_at > now()";
            case "expired" -> " and (status = 'expired' or (status = 'pending' and expires_at <= now()))";
            default -> " and status = $3";
        };
        String sql = "select " + COLUMNS + " from pending_action where user_id = $1" + filter
                + " order by created_at desc limit $2";
        Tuple args = filter.contains("$3") ? Tuple.of(userId, limit, status) : Tuple.of(userId, limit);
        return db.preparedQuery(sql).execute(args).map(rows -> {
            List<PendingActionView> actions = new ArrayList<>();
            rows.forEach(row -> actions.add(view(row)));
            return actions;
        });
    }

    public Uni<Optional<PendingActionView>> find(String userId, UUID id) {
        return db.preparedQuery("select " + COLUMNS + " from pending_action where id = $1 and user_id = $2")
                .execute(Tuple.of(id, userId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(view(rows.iterator().next()))
                        : Optional.<PendingActionView> empty());
    }

    /**
     * Confirms a pending, unexpired action and, in the same transaction, queues its intent on {@code chat.intent}
     * (through the outbox) with the action's id as request id. Only one caller can win: the update is conditional.
     * Empty when the action was not pending (already decided, expired, or not this person's).
     */
    public Uni<Optional<PendingActionView>> confirm(String userId, UUID id) {
        return db.withTransaction(tx -> tx.preparedQuery("update pending_action set status = 'confirmed', "
                + "decided_at = now() where id = $1 and user_id = $2 and status = 'pending' and expires_at > now() "
                + "returning " + COLUMNS).execute(Tuple.of(id, userId))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<PendingActionView> empty());
                    }
                    PendingActionView action = view(rows.iterator().next());
                    ChatIntent intent = new ChatIntent(id.toString(),
                            action.conversationId() == null ? null : action.conversationId().toString(),
                            action.intent(), action.params());
                    return outbox.add(tx, Topics.CHAT_INTENT, userId, intent).replaceWith(Optional.of(action));
                }));
    }

    /** Rejects a pending action; empty when it was not pending (or not this person's). */
    public Uni<Optional<PendingActionView>> reject(String userId, UUID id) {
        return db.preparedQuery("update pending_action set status = 'rejected', decided_at = now() where id = $1 "
                + "and user_id = $2 and status = 'pending' and expires_at > now() returning " + COLUMNS)
                .execute(Tuple.of(id, userId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(view(rows.iterator().next()))
                        : Optional.<PendingActionView> empty());
    }

    /**
     * Records what the owning service answered for a confirmed action. Empty when another chat instance recorded it
     * first (every instance reads every answer): only one of them goes on to tell the person.
     */
    public Uni<Optional<PendingActionView>> complete(PendingActionView action, String status,
            Map<String, Object> outcome) {
        Vault.Sealed sealed = seal(action.id(), new Content(action.params(), action.summary(), outcome));
        return db.preparedQuery("update pending_action set status = $2, content_sealed = $3, key_id = $4 "
                + "where id = $1 and status = 'confirmed'")
                .execute(Tuple.of(action.id(), status, sealed.ciphertext(), sealed.keyId()))
                .map(updated -> updated.rowCount() == 1 ? Optional.of(new PendingActionView(action.id(),
                        action.conversationId(), action.intent(), action.params(), action.summary(), status,
                        action.createdAt(), action.expiresAt(), outcome)) : Optional.<PendingActionView> empty());
    }

    /** Marks lapsed actions expired and forgets decided ones after {@code keep}. */
    public Uni<Void> housekeeping(Duration keep) {
        return db.query("update pending_action set status = 'expired' where status = 'pending' "
                + "and expires_at <= now()").execute()
                .chain(() -> db.preparedQuery("delete from pending_action where expires_at < $1")
                        .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC).minus(keep))))
                .replaceWithVoid();
    }

    private PendingActionView view(Row row) {
        UUID id = row.getUUID("id");
        Content content = open(id, row.getBuffer("content_sealed").getBytes());
        String status = row.getString("status");
        OffsetDateTime expiresAt = row.getOffsetDateTime("expires_at");
        if ("pending".equals(status) && !expiresAt.isAfter(OffsetDateTime.now())) {
            status = "expired";
        }
        return new PendingActionView(id, row.getUUID("conversation_id"), row.getString("intent"), content.params(),
                content.summary(), status, row.getOffsetDateTime("created_at"), expiresAt, content.outcome());
    }

    record Content(Map<String, Object> params, String summary, Map<String, Object> outcome) {
    }

    private Vault.Sealed seal(UUID id, Content content) {
        try {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("params", content.params());
            map.put("summary", content.summary());
            map.put("outcome", content.outcome());
            return vault.seal(json.writeValueAsBytes(map), "pending_action:" + id);
        } catch (IOException e) {
            throw new IllegalStateException("could not write an action's content", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Content open(UUID id, byte[] sealed) {
        try {
            Map<String, Object> map = json.readValue(vault.open(sealed, "pending_action:" + id), JSON_OBJECT);
            return new Content((Map<String, Object>) map.get("params"), (String) map.get("summary"),
                    (Map<String, Object>) map.get("outcome"));
        } catch (IOException e) {
            throw new IllegalStateException("could not read an action's content", e);
        }
    }
}

package ai.andy.chat.repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.chat.TurnClaim;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Turns sent with an {@code Idempotency-Key}, per person: the first one runs, a repeat replays its answer. */
@ApplicationScoped
public class TurnRequests {

    private final Pool db;

    TurnRequests(Pool db) {
        this.db = db;
    }

    public Uni<TurnClaim> claim(String userId, String key, UUID conversationId) {
        return db.preparedQuery("insert into turn_request (user_id, idempotency_key, conversation_id) "
                + "values ($1, $2, $3) on conflict do nothing").execute(Tuple.of(userId, key, conversationId))
                .chain(inserted -> inserted.rowCount() == 1
                        ? Uni.createFrom().item(new TurnClaim(true, conversationId, null, null))
                        : db.preparedQuery("select conversation_id, question_id, answer_id from turn_request "
                                + "where user_id = $1 and idempotency_key = $2").execute(Tuple.of(userId, key))
                                .map(rows -> {
                                    Row row = rows.iterator().next();
                                    return new TurnClaim(false, row.getUUID("conversation_id"), row.getUUID("question_id"),
                                            row.getUUID("answer_id"));
                                }));
    }

    public Uni<Void> answered(String userId, String key, UUID questionId, UUID answerId) {
        return db.preparedQuery("update turn_request set question_id = $3, answer_id = $4 where user_id = $1 and "
                + "idempotency_key = $2").execute(Tuple.of(userId, key, questionId, answerId)).replaceWithVoid();
    }

    /** A turn that failed gives its key back, so that retrying it runs the turn. */
    public Uni<Void> release(String userId, String key) {
        return db.preparedQuery("delete from turn_request where user_id = $1 and idempotency_key = $2 and "
                + "answer_id is null").execute(Tuple.of(userId, key)).replaceWithVoid();
    }

    public Uni<Void> forgetOlderThan(Duration age) {
        return db.preparedQuery("delete from turn_request where created_at < $1")
                .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC).minus(age))).replaceWithVoid();
    }
}

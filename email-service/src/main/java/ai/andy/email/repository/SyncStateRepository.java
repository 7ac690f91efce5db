package ai.andy.email.repository;

import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** A mailbox's sync phase, progress and cursor: written often during a sync, so plain SQL rather than the ORM. */
@ApplicationScoped
public class SyncStateRepository {
    private final Pool db;

    SyncStateRepository(Pool db) {
        this.db = db;
    }

    public Uni<Void> startInitial(UUID accountId) {
        return update("sync_phase = 'initial', sync_done = 0, sync_total = null, sync_error = null", accountId);
    }

    public Uni<Void> startIncremental(UUID accountId) {
        return update("sync_phase = 'incremental', sync_error = null", accountId);
    }

    public Uni<Void> total(UUID accountId, int total) {
        return db.preparedQuery("update mail_account set sync_total = $2 where id = $1")
                .execute(Tuple.of(accountId, total)).replaceWithVoid();
    }

    public Uni<Void> progress(UUID accountId, int done) {
        return db.preparedQuery("update mail_account set sync_done = $2 where id = $1")
                .execute(Tuple.of(accountId, done)).replaceWithVoid();
    }

    public Uni<Void> finished(UUID accountId, String cursor) {
        return db.preparedQuery("update mail_account set sync_phase = 'idle', sync_cursor = $2, sync_error = null,"
                        + " last_synced_at = now() where id = $1")
                .execute(Tuple.of(accountId, cursor)).replaceWithVoid();
    }

    /** {@code error} is shown to the person: it names what went wrong, never mail content. */
    public Uni<Void> failed(UUID accountId, String error) {
        return db.preparedQuery("update mail_account set sync_phase = 'failed', sync_error = $2 where id = $1")
                .execute(Tuple.of(accountId, error)).replaceWithVoid();
    }

    public Uni<Void> forgetCursor(UUID accountId) {
        return update("sync_cursor = null", accountId);
    }

    public Uni<Void> status(UUID accountId, String status) {
        return db.preparedQuery("update mail_account set status = $2 where id = $1")
                .execute(Tuple.of(accountId, status)).replaceWithVoid();
    }

    public Uni<Void> push(UUID accountId, String pushId, String secret, java.time.OffsetDateTime expiresAt) {
        return db.preparedQuery("update mail_account set push_id = $2, push_secret = $3, push_expires_at = $4"
                        + " where id = $1")
                .execute(Tuple.tuple(Arrays.asList(accountId, pushId, secret, expiresAt))).replaceWithVoid();
    }

    private Uni<Void> update(String assignments, UUID accountId) {
        return db.preparedQuery("update mail_account set " + assignments + " where id = $1")
                .execute(Tuple.of(accountId)).replaceWithVoid();
    }
}

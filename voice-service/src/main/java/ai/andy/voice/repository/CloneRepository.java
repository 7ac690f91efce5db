package ai.andy.voice.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** A person's cloned voices. Every query names the owner. */
@ApplicationScoped
public class CloneRepository {
    /** {@code name} is sealed. */
    public record Clone(UUID id, String userId, UUID consentId, String provider, String providerVoiceId, byte[] name,
            OffsetDateTime createdAt) {
    }

    private static final String COLUMNS = "id, user_id, consent_id, provider, provider_voice_id, name, created_at";

    private final Pool db;

    CloneRepository(Pool db) {
        this.db = db;
    }

    public void insert(Clone c) {
        Db.await(db.preparedQuery("insert into voice_clone (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(new Object[] { c.id(), c.userId(), c.consentId(), c.provider(), c.providerVoiceId(),
                        Buffer.buffer(c.name()), c.createdAt() })));
    }

    public List<Clone> list(String userId) {
        List<Clone> clones = new java.util.ArrayList<>();
        Db.await(db.preparedQuery("select " + COLUMNS + " from voice_clone where user_id = $1 order by created_at")
                .execute(Tuple.of(userId))).forEach(row -> clones.add(map(row)));
        return clones;
    }

    public Optional<Clone> find(String userId, UUID id) {
        var rows = Db.await(db.preparedQuery("select " + COLUMNS + " from voice_clone where user_id = $1 and id = $2")
                .execute(Tuple.of(userId, id)));
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    public Optional<Clone> findByConsent(String userId, UUID consentId) {
        var rows = Db.await(db.preparedQuery("select " + COLUMNS + " from voice_clone where user_id = $1 and "
                + "consent_id = $2").execute(Tuple.of(userId, consentId)));
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    /** True when the provider voice id is someone else's clone (a person may never speak in it). */
    public boolean ownedByAnother(String userId, String providerVoiceId) {
        return Db.await(db.preparedQuery("select 1 from voice_clone where provider_voice_id = $1 and user_id <> $2")
                .execute(Tuple.of(providerVoiceId, userId))).size() > 0;
    }

    public void rename(String userId, UUID id, byte[] name) {
        Db.await(db.preparedQuery("update voice_clone set name = $3 where user_id = $1 and id = $2")
                .execute(Tuple.of(userId, id, Buffer.buffer(name))));
    }

    public void delete(String userId, UUID id) {
        Db.await(db.preparedQuery("delete from voice_clone where user_id = $1 and id = $2").execute(Tuple.of(userId, id)));
    }

    private static Clone map(Row row) {
        return new Clone(row.getUUID("id"), row.getString("user_id"), row.getUUID("consent_id"),
                row.getString("provider"), row.getString("provider_voice_id"), row.getBuffer("name").getBytes(),
                row.getOffsetDateTime("created_at"));
    }
}

package ai.andy.voice.repository;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Cached renderings in PostgreSQL, shared by every instance. Chosen over Redis because a rendering must go when its
 * voice or its person goes (one indexed delete here; Redis would need side indexes that TTLs let drift), and because
 * the size cap is exact: least recently used rows beyond the cap are deleted in one statement.
 */
@ApplicationScoped
public class RenderingRepository {
    /** A cached rendering; {@code audio} is sealed with the vault. */
    public record Rendering(UUID id, String contentKey, String userId, String voiceId, String format, String mediaType,
            byte[] audio, int characters) {
    }

    private static final String COLUMNS = "id, content_key, user_id, voice_id, format, media_type, audio, characters";

    private final Pool db;

    RenderingRepository(Pool db) {
        this.db = db;
    }

    /** The rendering with this content key, marking it used. */
    public Optional<Rendering> findByKey(String contentKey) {
        var rows = Db.await(db.preparedQuery("update speech_rendering set last_used_at = now() where content_key = $1 "
                + "returning " + COLUMNS).execute(Tuple.of(contentKey)));
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    public Optional<Rendering> findById(UUID id) {
        var rows = Db.await(db.preparedQuery("select " + COLUMNS + " from speech_rendering where id = $1")
                .execute(Tuple.of(id)));
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    /** Stores a rendering; when another instance stored the same content a moment ago, returns that one's id. */
    public UUID save(Rendering r) {
        var rows = Db.await(db.preparedQuery("insert into speech_rendering (id, content_key, user_id, voice_id, format, "
                + "media_type, audio, size_bytes, characters) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                + "on conflict (content_key) do update set last_used_at = now() returning id")
                .execute(Tuple.from(new Object[] { r.id(), r.contentKey(), r.userId(), r.voiceId(), r.format(),
                        r.mediaType(), io.vertx.core.buffer.Buffer.buffer(r.audio()), r.audio().length,
                        r.characters() })));
        return rows.iterator().next().getUUID("id");
    }

    /** Drops renderings unused for {@code ttl}, then the least recently used beyond {@code maxBytes} in total. */
    public int evict(long maxBytes, Duration ttl) {
        int expired = Db.await(db.preparedQuery("delete from speech_rendering where last_used_at < now() - $1 * interval '1 second'")
                .execute(Tuple.of(ttl.toSeconds()))).rowCount();
        int overCap = Db.await(db.preparedQuery("delete from speech_rendering where id in (select id from (select id, "
                + "sum(size_bytes) over (order by last_used_at desc, id) as running from speech_rendering) r "
                + "where running > $1)").execute(Tuple.of(maxBytes))).rowCount();
        return expired + overCap;
    }

    public int deleteVoice(String userId, String voiceId) {
        return Db.await(db.preparedQuery("delete from speech_rendering where user_id = $1 and voice_id = $2")
                .execute(Tuple.of(userId, voiceId))).rowCount();
    }

    public int deleteUser(String userId) {
        return Db.await(db.preparedQuery("delete from speech_rendering where user_id = $1").execute(Tuple.of(userId)))
                .rowCount();
    }

    private static Rendering map(Row row) {
        return new Rendering(row.getUUID("id"), row.getString("content_key"), row.getString("user_id"),
                row.getString("voice_id"), row.getString("format"), row.getString("media_type"),
                row.getBuffer("audio").getBytes(), row.getInteger("characters"));
    }
}

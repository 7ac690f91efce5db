package ai.andy.voice.repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Consent statements and their recordings. Statement, name and recording are sealed; every query names the owner. */
@ApplicationScoped
public class ConsentRepository {
    public record Consent(UUID id, String userId, byte[] statement, byte[] speakerName, String purpose,
            OffsetDateTime createdAt, String createdSession, boolean hasRecording, String recordingType,
            BigDecimal recordingSeconds, OffsetDateTime recordedAt, String recordedSession, String samples,
            OffsetDateTime revokedAt) {
    }

    private static final String COLUMNS = "id, user_id, statement, speaker_name, purpose, created_at, created_session, "
            + "recording is not null as has_recording, recording_type, recording_seconds, recorded_at, recorded_session, "
            + "samples, revoked_at";

    private final Pool db;

    ConsentRepository(Pool db) {
        this.db = db;
    }

    public void insert(String userId, UUID id, byte[] statement, byte[] speakerName, String purpose, String session) {
        Db.await(db.preparedQuery("insert into voice_consent (id, user_id, statement, speaker_name, purpose, created_at, "
                + "created_session) values ($1, $2, $3, $4, $5, now(), $6)").execute(Tuple.from(new Object[] { id,
                        userId, Buffer.buffer(statement), Buffer.buffer(speakerName), purpose, session })));
    }

    public Optional<Consent> find(String userId, UUID id) {
        var rows = Db.await(db.preparedQuery("select " + COLUMNS + " from voice_consent where user_id = $1 and id = $2")
                .execute(Tuple.of(userId, id)));
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    public List<Consent> list(String userId) {
        List<Consent> consents = new ArrayList<>();
        Db.await(db.preparedQuery("select " + COLUMNS + " from voice_consent where user_id = $1 order by created_at desc")
                .execute(Tuple.of(userId))).forEach(row -> consents.add(map(row)));
        return consents;
    }

    /** Keeps the sealed recording; only while the consent is open (not revoked). */
    public boolean record(String userId, UUID id, byte[] recording, String type, double seconds, String session) {
        return Db.await(db.preparedQuery("update voice_consent set recording = $3, recording_type = $4, "
                + "recording_seconds = $5, recorded_at = now(), recorded_session = $6 where user_id = $1 and id = $2 "
                + "and revoked_at is null").execute(Tuple.from(new Object[] { userId, id, Buffer.buffer(recording), type,
                        BigDecimal.valueOf(seconds).setScale(2, java.math.RoundingMode.HALF_UP), session })))
                .rowCount() == 1;
    }

    /** Notes which samples (names, lengths, digests) the clone was made from. */
    public void samples(String userId, UUID id, String samples) {
        Db.await(db.preparedQuery("update voice_consent set samples = $3 where user_id = $1 and id = $2")
                .execute(Tuple.of(userId, id, samples)));
    }

    /** Marks it revoked and drops the recording; the statement, dates and sample list stay as the record of it. */
    public void revoke(String userId, UUID id) {
        Db.await(db.preparedQuery("update voice_consent set revoked_at = coalesce(revoked_at, now()), recording = null "
                + "where user_id = $1 and id = $2").execute(Tuple.of(userId, id)));
    }

    public void deleteUser(String userId) {
        Db.await(db.preparedQuery("delete from voice_clone where user_id = $1").execute(Tuple.of(userId)));
        Db.await(db.preparedQuery("delete from voice_consent where user_id = $1").execute(Tuple.of(userId)));
    }

    private static Consent map(Row row) {
        return new Consent(row.getUUID("id"), row.getString("user_id"), row.getBuffer("statement").getBytes(),
                row.getBuffer("speaker_name").getBytes(), row.getString("purpose"),
                row.getOffsetDateTime("created_at"), row.getString("created_session"),
                row.getBoolean("has_recording"), row.getString("recording_type"), row.getBigDecimal("recording_seconds"),
                row.getOffsetDateTime("recorded_at"), row.getString("recorded_session"), row.getString("samples"),
                row.getOffsetDateTime("revoked_at"));
    }
}

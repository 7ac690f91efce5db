package ai.andy.calendar;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A request made with an Idempotency-Key, and what it created. */
@Entity
@Table(name = "idempotent_request")
@IdClass(IdempotentRequest.Key.class)
public class IdempotentRequest {
    @Id
    @Column(name = "user_id")
    public String userId;
    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    public String operation;
    @Column(name = "result_id")
    public UUID resultId;
    @Column(name = "created_at")
    public Instant createdAt;

    public static class Key implements Serializable {
        public String userId;
        public String idempotencyKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(idempotencyKey, k.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, idempotencyKey);
        }
    }
}

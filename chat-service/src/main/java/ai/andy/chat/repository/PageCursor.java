package ai.andy.chat.repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;

/** Where the next page starts: the last row's time and id (keyset paging), opaque to clients. */
public record PageCursor(OffsetDateTime time, UUID id) {

    public String encode() {
        String raw = time.toInstant().toEpochMilli() + "." + time.toInstant().getNano() % 1_000_000 + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static PageCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            String[] millis = raw.substring(0, colon).split("\\.");
            Instant at = Instant.ofEpochMilli(Long.parseLong(millis[0])).plusNanos(Long.parseLong(millis[1]));
            return new PageCursor(at.atOffset(ZoneOffset.UTC), UUID.fromString(raw.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("The cursor is not one Andy gave out; start again without it.",
                    List.of(new Problem.FieldError("cursor", "unknown cursor")));
        }
    }
}

package ai.andy.telephony.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.telephony.repository.Page;

/** Opaque cursors for newest-first pages: the (time, id) of the last item shown. */
final class Cursors {
    static final int MAX_LIMIT = 100;

    private Cursors() {
    }

    static Page page(String cursor, Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("'limit' must be between 1 and " + MAX_LIMIT + ".",
                    List.of(new Problem.FieldError("limit", "between 1 and " + MAX_LIMIT)));
        }
        if (cursor == null || cursor.isBlank()) {
            return new Page(null, null, size);
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return new Page(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), UUID.fromString(parts[2]), size);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("'cursor' is not one Andy gave out; start again without it.",
                    List.of(new Problem.FieldError("cursor", "unknown cursor")));
        }
    }

    static String next(List<?> rows, int limit, OffsetDateTime lastAt, UUID lastId) {
        if (rows.size() < limit || lastAt == null) {
            return null;
        }
        Instant at = lastAt.toInstant();
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at.getEpochSecond() + "|" + at.getNano() + "|"
                + lastId).getBytes(StandardCharsets.UTF_8));
    }
}

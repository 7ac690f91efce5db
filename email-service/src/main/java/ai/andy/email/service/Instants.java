package ai.andy.email.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;

/** A time a person or the chat gave: a date (midnight UTC) or an instant with an offset. */
public final class Instants {

    /** @throws ProblemException 400 naming {@code field} when the value is neither */
    public static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            String message = "must be a date (2026-11-28) or a time with offset (2026-11-28T09:00:00Z)";
            throw ProblemException.badRequest("'" + field + "' " + message + ".",
                    List.of(new Problem.FieldError(field, message)));
        }
    }

    private Instants() {
    }
}

package ai.andy.calendar.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import ai.andy.calendar.service.Problems;

/** Query parameters read strictly, with a message a person can act on when one is wrong. */
final class Params {
    private Params() {
    }

    /** An instant with an offset ({@code 2026-12-07T09:00:00+01:00}), or a date (its midnight UTC). */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalid(name, "'" + name + "' must be a date (2026-12-07) or a time with offset "
                    + "(2026-12-07T09:00:00+01:00).");
        }
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(name, "'" + value + "' is not an id Andy gave out.");
        }
    }

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalid(name, "'" + name + "' must be a whole number.");
        }
    }
}

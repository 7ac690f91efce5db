package ai.andy.calendar.service;

import java.time.Instant;

/** A span of time [start, end). */
public record Interval(Instant start, Instant end) {
}

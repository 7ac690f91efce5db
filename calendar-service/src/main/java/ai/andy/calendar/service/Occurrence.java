package ai.andy.calendar.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import ai.andy.calendar.CalendarEvent;

/**
 * One event as a person sees it in a window: a single event, or one instance of a series (then {@link #seriesId} and
 * {@link #originalStart} are set, and {@link #source} is the series master or the instance's exception row).
 */
public record Occurrence(String id, CalendarEvent source, Instant start, Instant end, LocalDate startDate,
        LocalDate endDate, UUID seriesId, Instant originalStart) {

    private static final DateTimeFormatter INSTANCE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The id of a series instance: the series id and the instance's original start, so it survives a move. */
    public static String instanceId(UUID seriesId, Instant originalStart) {
        return seriesId + "_" + INSTANCE_TIME.format(originalStart);
    }

    /** The parts of an instance id, or null when {@code id} is a plain event id. */
    public static InstanceRef parse(String id) {
        int sep = id.indexOf('_');
        try {
            if (sep < 0) {
                return new InstanceRef(UUID.fromString(id), null);
            }
            return new InstanceRef(UUID.fromString(id.substring(0, sep)),
                    Instant.from(INSTANCE_TIME.parse(id.substring(sep + 1))));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An event id taken apart: the stored row, and for a series instance its original start. */
    public record InstanceRef(UUID eventId, Instant originalStart) {
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}

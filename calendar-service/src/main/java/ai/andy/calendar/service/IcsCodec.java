package ai.andy.calendar.service;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * iCalendar (RFC 5545) in and out through ical4j. Out: one VEVENT per event or series (DTSTART/DTEND in the event's
 * own zone with its VTIMEZONE, RRULE, EXDATE for cancelled instances) and one per moved instance (RECURRENCE-ID).
 * In: the same shapes back into {@link Parsed} events.
 */
public final class IcsCodec {
    private IcsCodec() {
    }

    /** An event read from a file: a single event or a series, with its moved instances and cancelled dates. */
    public record Parsed(String uid, String title, String location, String description, Temporal start,
            Temporal end, String zone, String rrule, List<Parsed> moved, List<Instant> cancelled,
            Instant originalStart) {
    }

    /** One stored row to write, with its series' exceptions when it is a series master. */
    public record Outgoing(ai.andy.calendar.CalendarEvent event, String description,
            List<ai.andy.calendar.CalendarEvent> exceptions, List<String> exceptionDescriptions) {
    }

    public static String write(String calendarName, List<Outgoing> events) {
        Calendar ics = new Calendar();
        ics.add(new ProdId("-//Andy//calendar-service//EN"));
        ics.add(ImmutableVersion.VERSION_2_0);
        ics.add(ImmutableCalScale.GREGORIAN);
        ics.add(new net.fortuna.ical4j.model.property.XProperty("X-WR-CALNAME", calendarName));
        Set<String> zones = new LinkedHashSet<>();
        for (Outgoing o : events) {
            var e = o.event();
            zones.add(e.zone);
            VEvent master = vevent(e, e.startAt, e.endAt, o.description());
            if (e.rrule != null) {
                master.add(new RRule<>(e.rrule));
                List<ZonedDateTime> cancelled = new ArrayList<>();
                for (var x : o.exceptions()) {
                    if (x.cancelled()) {
                        cancelled.add(x.originalStart.atZone(ZoneId.of(e.zone)));
                    }
                }
                if (!cancelled.isEmpty() && !e.allDay) {
                    // ical4j writes a zoned date list without its TZID; name the zone, or readers take it as floating.
                    master.add(new ExDate<>(new ParameterList(List.of(new TzId(e.zone))), new DateList<>(cancelled)));
                }
            }
            ics.add(master);
            for (var x : o.exceptions()) {
                if (!x.cancelled()) {
                    VEvent moved = vevent(x, x.startAt, x.endAt, null);
                    moved.replace(new Uid(e.id.toString()));
                    moved.add(new RecurrenceId<>(x.originalStart.atZone(ZoneId.of(e.zone))));
                    ics.add(moved);
                }
            }
        }
        var registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        for (String zone : zones) {
            var tz = registry.getTimeZone(zone);
            if (tz != null) {
                ics.add(tz.getVTimeZone());
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(ics, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static VEvent vevent(ai.andy.calendar.CalendarEvent e, Instant start, Instant end, String description) {
        ZoneId zone = ZoneId.of(e.zone);
        VEvent v = e.allDay
                ? new VEvent(start.atZone(zone).toLocalDate(), end.atZone(zone).toLocalDate(), e.title)
                : new VEvent(start.atZone(zone), end.atZone(zone), e.title);
        v.add(new Uid(e.id.toString()));
        if (e.location != null) {
            v.add(new Location(e.location));
        }
        if (description != null) {
            v.add(new Description(description));
        }
        return v;
    }

    /** Reads the VEVENTs of a file; throws IllegalArgumentException with a reason when it is not iCalendar. */
    public static List<Parsed> read(String text) {
        Calendar ics;
        try {
            ics = new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException | RuntimeException e) {
            throw new IllegalArgumentException("This is not an iCalendar (.ics) file Andy can read.");
        }
        List<VEvent> all = ics.getComponents("VEVENT");
        List<Parsed> masters = new ArrayList<>();
        List<Parsed> moved = new ArrayList<>();
        for (VEvent v : all) {
            if (value(v, Property.STATUS).map(Status.VALUE_CANCELLED::equalsIgnoreCase).orElse(false)) {
                continue;
            }
            Temporal start = date(v, Property.DTSTART).orElse(null);
            if (start == null) {
                continue;
            }
            Temporal end = date(v, Property.DTEND).orElse(null);
            if (end == null) {
                Duration length = value(v, Property.DURATION).map(d -> {
                    try {
                        return Duration.parse(d);
                    } catch (RuntimeException ex) {
                        return null;
                    }
                }).orElse(start instanceof LocalDate ? Duration.ofDays(1) : Duration.ofHours(1));
                end = start instanceof LocalDate d ? d.plusDays(Math.max(1, length.toDays())) : start.plus(length);
            }
            Instant original = date(v, Property.RECURRENCE_ID).map(IcsCodec::instant).orElse(null);
            List<Instant> cancelled = new ArrayList<>();
            for (Property p : v.<Property> getProperties()) {
                if (p instanceof ExDate<?> ex) {
                    ex.getDates().forEach(d -> cancelled.add(instant((Temporal) d)));
                }
            }
            Parsed parsed = new Parsed(value(v, Property.UID).orElse(null), value(v, Property.SUMMARY)
                    .orElse("(no title)"), value(v, Property.LOCATION).orElse(null),
                    value(v, Property.DESCRIPTION).orElse(null), start, end, zone(v), value(v, Property.RRULE).orElse(null),
                    new ArrayList<>(), cancelled, original);
            (original == null ? masters : moved).add(parsed);
        }
        for (Parsed m : moved) {
            masters.stream().filter(s -> s.rrule() != null && s.uid() != null && s.uid().equals(m.uid())).findFirst()
                    .ifPresent(s -> s.moved().add(m));
        }
        return masters;
    }

    /** A file's time as an instant: zoned and UTC times as they are, floating times and dates at UTC. */
    public static Instant instant(Temporal t) {
        if (t instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (t instanceof Instant i) {
            return i;
        }
        if (t instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return ((LocalDate) t).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The IANA zone DTSTART names (TZID), when it names one; ical4j's own zone ids are not stored. */
    private static String zone(VEvent v) {
        return v.<Property> getProperty(Property.DTSTART)
                .flatMap(p -> p.<net.fortuna.ical4j.model.Parameter> getParameter(
                        net.fortuna.ical4j.model.Parameter.TZID))
                .map(net.fortuna.ical4j.model.Parameter::getValue)
                .filter(id -> ZoneId.getAvailableZoneIds().contains(id)).orElse(null);
    }

    private static Optional<String> value(VEvent v, String name) {
        return v.<Property> getProperty(name).map(Property::getValue).filter(s -> !s.isBlank());
    }

    @SuppressWarnings("unchecked")
    private static Optional<Temporal> date(VEvent v, String name) {
        return v.<Property> getProperty(name).filter(p -> p instanceof DateProperty<?>)
                .map(p -> ((DateProperty<Temporal>) p).getDate());
    }
}

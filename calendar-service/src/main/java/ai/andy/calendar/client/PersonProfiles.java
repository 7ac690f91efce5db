package ai.andy.calendar.client;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;


import ai.andy.calendar.config.CalendarConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * A person's time zone and working hours from auth-service. When auth-service cannot answer, the caller's fallback
 * zone and the configured default hours (09:00-17:00, Monday to Friday) apply, and {@link WorkingHours#known()} says
 * so.
 */
@ApplicationScoped
public class PersonProfiles {
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final AuthServiceClient auth;
    private final CalendarConfig config;

    PersonProfiles(AuthServiceClient auth, CalendarConfig config) {
        this.auth = auth;
        this.config = config;
    }

    public Uni<WorkingHours> workingHours(String userId, ZoneId fallbackZone) {
        return auth.profile(userId).map(p -> {
            ZoneId zone = fallbackZone;
            try {
                zone = p.timezone() == null ? fallbackZone : ZoneId.of(p.timezone());
            } catch (RuntimeException e) {
                Log.warnf("auth-service gave a zone that is not one; using the calendar's");
            }
            var hours = p.preferences() == null ? null : p.preferences().workingHours();
            if (hours == null || hours.start() == null || hours.end() == null || !hours.end().isAfter(hours.start())) {
                return defaults(zone, true);
            }
            Set<DayOfWeek> days = hours.days() == null || hours.days().isEmpty() ? WEEKDAYS
                    : EnumSet.copyOf(hours.days());
            return new WorkingHours(zone, hours.start(), hours.end(), days, true);
        }).onFailure().recoverWithItem(e -> {
            Log.warnf("could not read working hours from auth-service; using 09:00-17:00: %s",
                    e.getClass().getSimpleName());
            return defaults(fallbackZone, false);
        });
    }

    private WorkingHours defaults(ZoneId zone, boolean known) {
        return new WorkingHours(zone, config.defaultWorkdayStart(), config.defaultWorkdayEnd(), WEEKDAYS, known);
    }
}

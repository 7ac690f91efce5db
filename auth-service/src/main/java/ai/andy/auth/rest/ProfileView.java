package ai.andy.auth.rest;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import ai.andy.auth.User;

/** A person's profile as they see it. */
public record ProfileView(String id, String email, String displayName, String timezone, OffsetDateTime createdAt,
        Preferences preferences) {

    public record Preferences(WorkingHours workingHours, Integer chatRetentionDays) {
    }

    public record WorkingHours(LocalTime start, LocalTime end, List<DayOfWeek> days) {
    }

    public static ProfileView of(User user) {
        List<DayOfWeek> days = Arrays.stream(user.workingDays.split(",")).filter(d -> !d.isBlank())
                .map(DayOfWeek::valueOf).toList();
        return new ProfileView(user.id, user.email, user.displayName, user.timezone, user.createdAt,
                new Preferences(new WorkingHours(user.workingHoursStart, user.workingHoursEnd, days),
                        user.chatRetentionDays));
    }
}

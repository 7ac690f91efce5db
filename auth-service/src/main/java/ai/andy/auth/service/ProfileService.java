package ai.andy.auth.service;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.User;
import ai.andy.auth.repository.UserRepository;
import ai.andy.auth.rest.ProfileUpdate;
import ai.andy.auth.rest.ProfileView;
import ai.andy.runtime.problem.Problem.FieldError;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Reading and changing a person's profile and preferences. */
@ApplicationScoped
public class ProfileService {
    static final int MAX_RETENTION_DAYS = 3650;

    private final UserRepository users;

    ProfileService(UserRepository users) {
        this.users = users;
    }

    @WithSession
    public Uni<ProfileView> profile(String userId) {
        return users.findById(userId).map(user -> {
            if (user == null) {
                throw ProblemException.notFound("There is no such person.");
            }
            return ProfileView.of(user);
        });
    }

    @WithTransaction
    public Uni<ProfileView> update(String userId, ProfileUpdate update) {
        if (update == null) {
            throw ProblemException.badRequest("Send the fields to change as JSON.", List.of());
        }
        List<FieldError> errors = validate(update);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Some fields are invalid: "
                    + errors.stream().map(FieldError::field).collect(Collectors.joining(", ")) + ".", errors);
        }
        return users.findById(userId).map(user -> {
            if (user == null) {
                throw ProblemException.notFound("There is no such person.");
            }
            apply(user, update);
            return ProfileView.of(user);
        });
    }

    private static void apply(User user, ProfileUpdate update) {
        if (update.displayName() != null) {
            user.displayName = update.displayName().trim();
        }
        if (update.timezone() != null) {
            user.timezone = update.timezone();
        }
        var prefs = update.preferences();
        if (prefs != null && prefs.workingHours() != null) {
            var hours = prefs.workingHours();
            if (hours.start() != null) {
                user.workingHoursStart = hours.start();
            }
            if (hours.end() != null) {
                user.workingHoursEnd = hours.end();
            }
            if (hours.days() != null) {
                user.workingDays = hours.days().stream().distinct().sorted().map(DayOfWeek::name)
                        .collect(Collectors.joining(","));
            }
        }
        if (prefs != null && prefs.chatRetentionDays() != null) {
            user.chatRetentionDays = prefs.chatRetentionDays();
        }
    }

    private static List<FieldError> validate(ProfileUpdate update) {
        List<FieldError> errors = new ArrayList<>();
        if (update.displayName() != null && (update.displayName().isBlank() || update.displayName().length() > 100)) {
            errors.add(new FieldError("displayName", "between 1 and 100 characters"));
        }
        if (update.timezone() != null && !ZoneId.getAvailableZoneIds().contains(update.timezone())) {
            errors.add(new FieldError("timezone", "unknown time zone; use an IANA name such as Europe/Paris"));
        }
        var prefs = update.preferences();
        if (prefs != null && prefs.workingHours() != null) {
            var hours = prefs.workingHours();
            if (hours.start() != null && hours.end() != null && !hours.start().isBefore(hours.end())) {
                errors.add(new FieldError("preferences.workingHours", "start must be before end"));
            }
            if (hours.days() != null && hours.days().isEmpty()) {
                errors.add(new FieldError("preferences.workingHours.days", "name at least one day"));
            }
        }
        if (prefs != null && prefs.chatRetentionDays() != null
                && (prefs.chatRetentionDays() < 1 || prefs.chatRetentionDays() > MAX_RETENTION_DAYS)) {
            errors.add(new FieldError("preferences.chatRetentionDays", "between 1 and " + MAX_RETENTION_DAYS + " days"));
        }
        return errors;
    }
}

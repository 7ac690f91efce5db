package ai.andy.calendar.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new task, or (every field optional) the changes to one. Due either at a time ({@code due}, with offset) or on a
 * day ({@code dueDate}); {@code clearDue} removes it. {@code priority}: low, normal or high.
 */
public record TaskRequest(@Size(max = 500) String title, @Size(max = 20_000) String notes, OffsetDateTime due,
        LocalDate dueDate, Boolean clearDue,
        @Pattern(regexp = "low|normal|high", message = "must be low, normal or high") String priority) {
}

package ai.andy.events.payload;

import java.math.BigDecimal;

/** {@code usage.recorded}: one call to a paid or quota-limited provider, for per-person budgets. */
public record UsageRecorded(String service, String provider, String operation, long units, BigDecimal cost) {
}

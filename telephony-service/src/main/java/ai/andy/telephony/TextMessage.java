package ai.andy.telephony;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A text as the person sees it. {@code number} is the other party; {@code threadId} groups the conversation with
 * them; {@code simulated} texts went over the simulated carrier and reached no one.
 */
public record TextMessage(UUID id, String threadId, String direction, String number, String body, String status,
        Integer errorCode, String carrier, boolean simulated, BigDecimal price, String priceUnit,
        OffsetDateTime createdAt) {
}

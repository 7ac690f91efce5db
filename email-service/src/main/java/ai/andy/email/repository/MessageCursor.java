package ai.andy.email.repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Position after a message in newest-first order: (received time, id), opaque to clients. */
public record MessageCursor(Instant receivedAt, UUID id) {

    public String encode() {
        String raw = receivedAt.toEpochMilli() + ":" + receivedAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the cursor was not made by {@link #encode} */
    public static MessageCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(Long.parseLong(parts[0]), 1000), Integer.parseInt(parts[1]));
            return new MessageCursor(at, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor from this API", e);
        }
    }
}

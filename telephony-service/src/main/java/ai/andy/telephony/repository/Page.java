package ai.andy.telephony.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Where a newest-first page starts: strictly older than this (time, id); null for the first page. */
public record Page(OffsetDateTime before, UUID beforeId, int limit) {
    public boolean first() {
        return before == null;
    }
}

package ai.andy.telephony;

import java.util.List;

/** One page of a newest-first list; {@code nextCursor} fetches the next, null on the last page. */
public record Paged<T>(List<T> items, String nextCursor) {
}

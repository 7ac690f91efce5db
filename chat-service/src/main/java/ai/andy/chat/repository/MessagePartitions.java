package ai.andy.chat.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgException;

/**
 * The monthly partitions of {@code chat_message}, by the month its rows expire. A month's partition is created the
 * first time a message expiring in it is written, and dropped whole once the month is over: the cheap bulk delete
 * that keeps retention from ever scanning the table.
 */
@ApplicationScoped
public class MessagePartitions {
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");
    private static final Pattern NAME = Pattern.compile("chat_message_(\\d{4})_(\\d{2})");
    private static final String DUPLICATE_TABLE = "42P07";
    /** Two writers creating the same partition at once can also collide on the catalog's unique type name. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool db;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    MessagePartitions(Pool db) {
        this.db = db;
    }

    /** Makes sure the partition for rows expiring at {@code expiresAt} exists. */
    public Uni<Void> ensureFor(OffsetDateTime expiresAt) {
        YearMonth month = YearMonth.from(expiresAt.withOffsetSameInstant(ZoneOffset.UTC));
        if (known.contains(month)) {
            return Uni.createFrom().voidItem();
        }
        LocalDate from = month.atDay(1);
        LocalDate to = month.plusMonths(1).atDay(1);
        // Names and bounds come from a YearMonth, never from input, so they are safe to splice into DDL.
        String ddl = "create table if not exists chat_message_" + month.format(SUFFIX)
                + " partition of chat_message for values from ('" + from + " 00:00:00+00') to ('" + to
                + " 00:00:00+00')";
        return db.query(ddl).execute()
                .onFailure(e -> e instanceof PgException pg && (DUPLICATE_TABLE.equals(pg.getSqlState())
                        || UNIQUE_VIOLATION.equals(pg.getSqlState())))
                .recoverWithNull()
                .invoke(() -> known.add(month))
                .replaceWithVoid();
    }

    /** Drops every partition whose whole month lies before {@code now}; returns how many went. */
    public Uni<Integer> dropExpired(Instant now) {
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        return db.query("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                + "join pg_class p on p.oid = i.inhparent where p.relname = 'chat_message'").execute()
                .onItem().transformToUni(rows -> {
                    List<YearMonth> expired = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        Matcher m = NAME.matcher(row.getString(0));
                        if (m.matches()) {
                            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                            if (month.isBefore(current)) {
                                expired.add(month);
                            }
                        }
                    }
                    if (expired.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.join().all(expired.stream().map(month -> db
                            .query("drop table if exists chat_message_" + month.format(SUFFIX)).execute()
                            .invoke(() -> known.remove(month))).toList())
                            .andFailFast().map(List::size);
                });
    }
}

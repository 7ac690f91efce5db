package ai.andy.testsupport;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Assertions on the database a service test runs against (its name is the service's {@code andy.db.name}), read
 * straight over JDBC, so a test checks what was stored rather than what the service says it stored.
 *
 * <pre>{@code
 * assertThat(Database.of(database).count("select count(*) from mail_message where user_id = ?", user)).isZero();
 * assertThat(Database.of(database).dump()).doesNotContain(secretBody);
 * }</pre>
 */
public final class Database {
    private final String name;

    private Database(String name) {
        this.name = name;
    }

    public static Database of(String name) {
        return new Database(name);
    }

    /** The single number a {@code select count(*) ...} answers. */
    public long count(String sql, Object... args) {
        String value = value(sql, args);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** The first column of the first row as text, or null when there is no row. */
    public String value(String sql, Object... args) {
        List<String> values = column(sql, args);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The first column of every row, as text. */
    public List<String> column(String sql, Object... args) {
        try (Connection db = PostgresResource.connect(name); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError("query on " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Every column of every table as text: search it for what must never be stored (bodies, tokens, secrets). */
    public String dump() {
        StringBuilder dump = new StringBuilder();
        try (Connection db = PostgresResource.connect(name); Statement st = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = st.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = st.executeQuery("select * from \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            byte[] raw = rows.getBytes(c);
                            if (raw != null) {
                                dump.append(new String(raw, StandardCharsets.UTF_8)).append('\t');
                            }
                        }
                        dump.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("could not dump " + name + ": " + e.getMessage(), e);
        }
        return dump.toString();
    }
}

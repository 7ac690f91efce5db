package ai.andy.email.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import ai.andy.testsupport.PostgresResource;

/** Every column of every table of the service's database as text, to search for what must never be stored. */
public final class DatabaseDump {

    public static String of(String database) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection db = PostgresResource.connect(database); Statement st = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = st.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = st.executeQuery("select * from " + table)) {
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
        }
        return dump.toString();
    }

    private DatabaseDump() {
    }
}

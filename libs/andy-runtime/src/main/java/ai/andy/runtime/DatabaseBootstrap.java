package ai.andy.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Gives the service its own database before anything uses it: creates {@code andy.db.name} when missing, then runs
 * the Flyway migrations. It observes start-up ahead of the messaging connectors (which start at priority 1000), so no
 * consumer reads a record before the schema exists. Quarkus' own migrate-at-start is off because it would run against
 * a database that may not exist yet.
 */
@ApplicationScoped
public class DatabaseBootstrap {
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private final DatabaseConfig config;
    private final Flyway flyway;
    private final String password;

    DatabaseBootstrap(DatabaseConfig config, Flyway flyway,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.flyway = flyway;
        this.password = password.orElse("");
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (config.createIfMissing()) {
            createIfMissing();
        }
        var result = flyway.migrate();
        Log.infof("database %s at schema version %s (%d migrations applied)", config.name(),
                result.targetSchemaVersion != null ? result.targetSchemaVersion : flyway.info().current().getVersion(),
                result.migrationsExecuted);
    }

    void createIfMissing() {
        String name = config.name();
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalStateException("andy.db.name must be a plain lower-case PostgreSQL identifier, got: " + name);
        }
        String adminUrl = "jdbc:postgresql://" + config.host() + ":" + config.port() + "/" + config.adminDatabase();
        Properties credentials = new Properties();
        credentials.setProperty("user", config.user());
        if (!password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        try (Connection admin = DriverManager.getConnection(adminUrl, credentials)) {
            if (exists(admin, name)) {
                return;
            }
            try (var create = admin.createStatement()) {
                create.execute("create database " + name);
                Log.infof("created database %s", name);
            }
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return; // another replica created it a moment ago
            }
            throw new IllegalStateException("cannot create database " + name + " on " + config.host() + ":"
                    + config.port() + " (" + e.getMessage() + "). Create it yourself, or let role " + config.user()
                    + " create databases, or set ANDY_DB_CREATE_IF_MISSING=false once it exists.", e);
        }
    }

    private static boolean exists(Connection admin, String name) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}

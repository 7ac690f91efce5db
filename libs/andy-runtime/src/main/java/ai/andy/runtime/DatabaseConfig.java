package ai.andy.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where a service's own PostgreSQL database lives. Defaults come from META-INF/microprofile-config.properties. */
@ConfigMapping(prefix = "andy.db")
public interface DatabaseConfig {
    /** Host of the PostgreSQL server (ANDY_DB_HOST). */
    String host();

    /** Port of the PostgreSQL server (ANDY_DB_PORT). */
    int port();

    /** This service's database, e.g. andy_email (ANDY_DB_NAME). */
    String name();

    /** Role the service connects as (ANDY_DB_USER). */
    String user();

    /** Create the database at start when it does not exist; turn off where the role may not create databases. */
    @WithDefault("true")
    boolean createIfMissing();

    /** An existing database to connect to while creating this service's own. */
    @WithDefault("postgres")
    String adminDatabase();
}

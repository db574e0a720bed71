package org.cartpath.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.cartpath.platform.database.EmbeddedPostgresServer;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One real PostgreSQL server for the whole test JVM (docs/architecture.md, "Tests"). Each Spring context, and each
 * test that needs a clean slate, gets a database of its own on it.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile EmbeddedPostgresServer server;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            try {
                Path directory = Files.createTempDirectory("cartpath-test-db");
                server = EmbeddedPostgresServer.start(directory, false);
                // stopped after Spring Boot has closed every application context, not beside it: closing a context
                // still uses the database (the event publication registry reads what is incomplete, ADR 0022), and a
                // server stopped under it makes the pool wait out its 30-second timeout at every test JVM's exit
                SpringApplication.getShutdownHandlers().add(server::close);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /** Creates a new, empty database and returns its name. */
    public static String newDatabase(String purpose) {
        String name = "cartpath_" + purpose + "_" + COUNTER.incrementAndGet();
        server().createDatabase(name);
        return name;
    }

    public static String url(String database) {
        return server().jdbcUrl(database);
    }

    /** A superuser connection: it can do what the application cannot (alter audit rows), as an attacker could. */
    public static DataSource superuser(String database) {
        return new DriverManagerDataSource(url(database), "postgres", "");
    }

    /** A connection as the application's own role. */
    public static DataSource applicationRole(String database) {
        return new DriverManagerDataSource(url(database), EmbeddedPostgresServer.APP_ROLE, EmbeddedPostgresServer.APP_ROLE);
    }
}

package org.cartpath.testing;

import org.cartpath.platform.database.EmbeddedPostgresServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test application context at a fresh database on the shared test server, configured exactly
 * as an external PostgreSQL would be ({@code CARTPATH_DB_URL} and friends), with demo data seeded.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DATABASE_PROPERTY = "cartpath.test.database";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = TestDatabase.newDatabase("it");
        TestPropertyValues.of(
                DATABASE_PROPERTY + "=" + database,
                "cartpath.db.url=" + TestDatabase.url(database),
                "cartpath.db.user=" + EmbeddedPostgresServer.APP_ROLE,
                "cartpath.db.password=" + EmbeddedPostgresServer.APP_ROLE,
                "cartpath.db.owner.user=postgres",
                "cartpath.db.owner.password=",
                "cartpath.demo=true").applyTo(context);
    }
}

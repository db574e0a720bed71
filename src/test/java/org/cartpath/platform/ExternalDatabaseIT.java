package org.cartpath.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.cartpath.CartpathApplication;
import org.cartpath.platform.database.EmbeddedPostgresServer;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * CARTPATH_DB_URL / _USER / _PASSWORD: cartpath runs on someone else's PostgreSQL. A second embedded server
 * plays that server, with an owner role that runs the migrations and an application role that runs cartpath.
 */
class ExternalDatabaseIT {

    @TempDir
    Path serverData;

    @Test
    void runsOnAnExternalServerWithSeparateOwnerAndApplicationRolesAndSeedsNoDemoData() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(serverData, false)) {
            JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl("postgres"), "postgres", ""));
            admin.execute("create role hub_owner login password 'owner-secret'");
            admin.execute("create role hub_app login password 'app-secret'");
            admin.execute("create database hub owner hub_owner");
            String url = server.jdbcUrl("hub");
            try (ConfigurableApplicationContext app = start("cartpath.db.url=" + url, "cartpath.db.user=hub_app",
                    "cartpath.db.password=app-secret", "cartpath.db.owner.user=hub_owner",
                    "cartpath.db.owner.password=owner-secret")) {
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                assertThat(Http.json(Http.browser(port).get("/actuator/health/readiness")).get("status").asText())
                        .isEqualTo("UP");
                JdbcTemplate asOwner = new JdbcTemplate(new DriverManagerDataSource(url, "hub_owner", "owner-secret"));
                assertThat(asOwner.queryForObject("select count(*) from flyway_schema_history where success",
                        Integer.class)).isGreaterThanOrEqualTo(5);
                assertThat(asOwner.queryForObject("select tableowner from pg_tables where tablename = 'audit_event'",
                        String.class)).isEqualTo("hub_owner");
                assertThat(asOwner.queryForObject("select count(*) from organisation", Integer.class))
                        .as("no demo data on an external database unless CARTPATH_DEMO=true").isZero();
                JdbcTemplate asApp = new JdbcTemplate(new DriverManagerDataSource(url, "hub_app", "app-secret"));
                assertThatThrownBy(() -> asApp.update("delete from audit_event")).rootCause()
                        .hasMessageContaining("permission denied");
                assertThat(asApp.queryForObject("select count(*) from app_user", Integer.class)).isZero();
            }
        }
    }

    @Test
    void withOneUserTheAuditTrailIsStillProtectedAndDemoDataCanBeAskedFor() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(serverData, false)) {
            JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl("postgres"), "postgres", ""));
            admin.execute("create role solo login password 'solo-secret'");
            admin.execute("create database solo owner solo");
            String url = server.jdbcUrl("solo");
            try (ConfigurableApplicationContext app = start("cartpath.db.url=" + url, "cartpath.db.user=solo",
                    "cartpath.db.password=solo-secret", "cartpath.demo=true")) {
                JdbcTemplate asSolo = new JdbcTemplate(new DriverManagerDataSource(url, "solo", "solo-secret"));
                assertThat(asSolo.queryForObject("select count(*) from organisation", Integer.class)).isEqualTo(10);
                // the migrations revoked the owner's own UPDATE/DELETE/TRUNCATE; the triggers stand behind that
                assertThatThrownBy(() -> asSolo.update("delete from audit_event")).rootCause()
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> asSolo.execute("begin; grant delete on audit_event to solo; "
                        + "delete from audit_event; commit;")).rootCause().hasMessageContaining("append-only");
                assertThat(asSolo.queryForObject("select count(*) from audit_event", Integer.class)).isPositive();
            }
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        String[] all = new String[properties.length + 2];
        System.arraycopy(properties, 0, all, 0, properties.length);
        all[properties.length] = "server.port=0";
        all[properties.length + 1] = "logging.level.org.cartpath.requests=WARN";
        // command-line arguments: builder properties are only defaults, below application.yml (${PORT:8080})
        return new SpringApplicationBuilder(CartpathApplication.class).run(
                java.util.Arrays.stream(all).map(property -> "--" + property).toArray(String[]::new));
    }
}

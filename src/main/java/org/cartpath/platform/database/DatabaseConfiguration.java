package org.cartpath.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.cartpath.platform.CartpathSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The two connections to PostgreSQL: the application's pool (as the application role) and the
 * migration connection (as the owner). See ADR 0002.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Runs a transaction again after a serialization failure or a deadlock ({@link TransactionRetries}). */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static TransactionRetries transactionRetries() {
        return new TransactionRetries();
    }

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(CartpathSettings settings, org.springframework.core.env.Environment environment) {
        CartpathSettings.Db db = settings.db();
        if (db.external()) {
            String ownerUser = db.owner() != null && db.owner().user() != null && !db.owner().user().isBlank()
                    ? db.owner().user() : db.user();
            String ownerPassword = db.owner() != null && db.owner().user() != null && !db.owner().user().isBlank()
                    ? db.owner().password() : db.password();
            ExternalDatabaseServer server = new ExternalDatabaseServer(db.url(), db.user(), db.password(), ownerUser,
                    ownerPassword);
            log.info("Using {}", server.description());
            return server;
        }
        if (environment.getProperty("cartpath.cli", Boolean.class, false)) {
            // a command-line task may run beside a running cartpath: use its database rather than fail on the lock
            var running = EmbeddedPostgresServer.attachToRunning(settings.data().directory());
            if (running.isPresent()) {
                return running.get();
            }
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.data().directory(), true);
        log.info("Started {}", server.description());
        return server;
    }

    @Bean
    @Primary
    HikariDataSource dataSource(DatabaseServer server, CartpathSettings settings) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("cartpath");
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.appUser());
        pool.setPassword(server.appPassword());
        pool.setMaximumPoolSize(20);
        pool.setMinimumIdle(2);
        pool.setInitializationFailTimeout(30_000);
        // a database that is down answers 503 within this, and the pool reconnects by itself when it is back
        pool.setConnectionTimeout(settings.db().connectionTimeout().toMillis());
        return pool;
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(DatabaseServer server) {
        return new DriverManagerDataSource(server.jdbcUrl(), server.ownerUser(), server.ownerPassword());
    }

    /** Migrations grant the application role exactly what it may do; its name is a placeholder. */
    @Bean
    FlywayConfigurationCustomizer applicationRolePlaceholder(DatabaseServer server) {
        return configuration -> configuration.placeholders(Map.of(
                "appRole", quoteIdentifier(server.appUser()),
                "appRoleName", server.appUser().replace("'", "''")));
    }

    static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

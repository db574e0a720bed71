package org.cartpath.platform.database;

/**
 * Where cartpath's PostgreSQL is and with which credentials it is reached. The owner runs the Flyway
 * migrations and owns the tables; the application connects as a separate role that cannot change or
 * delete append-only records (audit trail, signatures, custody events).
 */
public interface DatabaseServer extends AutoCloseable {

    String jdbcUrl();

    String appUser();

    String appPassword();

    String ownerUser();

    String ownerPassword();

    /** A human description for the start-up banner, without credentials. */
    String description();

    /** Whether this is cartpath's own embedded server (demo data is seeded by default only then). */
    boolean embedded();

    @Override
    default void close() {
    }
}

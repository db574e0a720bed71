package org.cartpath.platform.database;

/**
 * A PostgreSQL server run by someone else ({@code CARTPATH_DB_URL}). If no separate owner is configured,
 * the application's user also runs the migrations; the append-only tables then rely on their triggers
 * (which the owner can only bypass deliberately) rather than on missing privileges.
 */
record ExternalDatabaseServer(String jdbcUrl, String appUser, String appPassword, String ownerUser,
        String ownerPassword) implements DatabaseServer {

    @Override
    public String description() {
        return "external PostgreSQL at " + jdbcUrl.replaceAll("password=[^&]*", "password=***");
    }

    @Override
    public boolean embedded() {
        return false;
    }

    @Override
    public String toString() {
        return description();
    }
}

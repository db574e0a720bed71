package org.cartpath.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * cartpath's own PostgreSQL under a data directory: data survives a restart, a second cartpath on the same
 * directory is refused, and what a killed cartpath leaves behind (an orphaned server, a stale pid file) is
 * cleaned up on the next start.
 */
class EmbeddedPostgresServerIT {

    @TempDir
    Path data;

    @Test
    void dataSurvivesARestart() {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, false)) {
            JdbcTemplate jdbc = owner(first);
            jdbc.execute("create table kept (value text)");
            jdbc.update("insert into kept values ('still here')");
        }
        assertThat(Files.exists(data.resolve("postgres").resolve("postmaster.pid"))).as("stopped cleanly").isFalse();
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data, false)) {
            assertThat(owner(second).queryForObject("select value from kept", String.class)).isEqualTo("still here");
            assertThat(second.appUser()).isEqualTo(EmbeddedPostgresServer.APP_ROLE);
        }
    }

    @Test
    void aSecondCartpathOnTheSameDirectoryIsRefusedWithAClearMessage() {
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(data, false)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another cartpath is already running")
                    .hasMessageContaining("CARTPATH_DATA_DIR");
            assertThat(EmbeddedPostgresServer.runningServerPort(data)).contains(running.port());
        }
    }

    @Test
    void aKilledCartpathsOrphanedServerIsStoppedAndItsDataKept() throws Exception {
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), StartEmbeddedServer.class.getName(), data.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // the child's start-up log
            }
            assertThat(line).as("the child started its server").startsWith("READY");
        }
        child.destroyForcibly(); // kill -9: no shutdown hooks, PostgreSQL is left running
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(EmbeddedPostgresServer.runningServerPort(data)).as("the orphan is still running").isPresent();

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data, false)) {
            assertThat(owner(restarted).queryForObject("select value from kept", String.class)).isEqualTo("written by the child");
        }
    }

    @Test
    void aStalePidFileFromACrashIsRemoved() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, false)) {
            owner(first).execute("create table kept (value text)");
        }
        // a pid file naming a process that is not PostgreSQL (our own JVM) is what a crash and pid reuse leave
        Files.writeString(data.resolve("postgres").resolve("postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + data.resolve("postgres") + "\n0\n5432\n");
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data, false)) {
            assertThat(owner(second).queryForObject("select count(*) from kept", Integer.class)).isZero();
        }
    }

    private static JdbcTemplate owner(EmbeddedPostgresServer server) {
        return new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(), server.ownerUser(), server.ownerPassword()));
    }

    /** Run in a child JVM: starts the server, writes a row, says READY, then waits to be killed. */
    public static final class StartEmbeddedServer {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), false);
            JdbcTemplate jdbc = owner(server);
            jdbc.execute("create table kept (value text)");
            jdbc.update("insert into kept values ('written by the child')");
            jdbc.execute("checkpoint");
            System.out.println("READY " + server.port());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}

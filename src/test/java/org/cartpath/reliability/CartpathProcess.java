package org.cartpath.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.cartpath.CartpathApplication;
import org.cartpath.platform.database.EmbeddedPostgresServer;

/**
 * cartpath running as its own operating-system process on a given database, as in production: started with
 * {@code java}, ready when {@code /actuator/health/readiness} says so, and killed with SIGKILL when a test wants a
 * crash. Its output goes to {@code target/crash-tests/<name>.log}.
 */
final class CartpathProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final String name;
    private final String jdbcUrl;
    private final List<String> extraArguments;
    private final int port;
    private final Path log;
    private Process process;

    CartpathProcess(String name, String jdbcUrl, String... extraArguments) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.extraArguments = List.of(extraArguments);
        this.port = freePort();
        this.log = Path.of("target", "crash-tests", name + ".log");
    }

    int port() {
        return port;
    }

    /** Starts the application and waits until it is ready for traffic. */
    CartpathProcess start() {
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-cp", applicationClassPath(), CartpathApplication.class.getName(),
                    "--server.port=" + port,
                    "--cartpath.db.url=" + jdbcUrl,
                    "--cartpath.db.user=" + EmbeddedPostgresServer.APP_ROLE,
                    "--cartpath.db.password=" + EmbeddedPostgresServer.APP_ROLE,
                    "--cartpath.db.owner.user=postgres",
                    "--cartpath.db.owner.password=",
                    "--cartpath.demo=true",
                    "--cartpath.data.dir=" + Files.createTempDirectory("cartpath-" + name)));
            command.addAll(extraArguments);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " while starting; see " + log);
            }
            if (readinessStatus() == 200) {
                return this;
            }
            sleep(500);
        }
        kill();
        throw new AssertionError(name + " was not ready within " + START_TIMEOUT + "; see " + log);
    }

    /** The readiness probe's status, or -1 when nothing answers. */
    int readinessStatus() {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook, no graceful drain, no flush. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The application's class path: this JVM's, without the test classes (the application must not pick up a test
     * configuration). Under Maven's forked runners the class path may be a single jar whose manifest lists it.
     */
    static String applicationClassPath() {
        List<String> entries = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path")
                .split(File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries.get(0))) {
                Manifest manifest = jar.getManifest();
                String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (listed != null) {
                    entries = Arrays.stream(listed.trim().split("\\s+"))
                            .map(entry -> (entry.startsWith("file:") ? Path.of(URI.create(entry)) : Path.of(entry))
                                    .toString())
                            .collect(Collectors.toList());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entries.stream().filter(entry -> !entry.replace('\\', '/').replaceAll("/$", "").endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

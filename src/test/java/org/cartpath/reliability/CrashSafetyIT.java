package org.cartpath.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.cartpath.patient.PatientTestData;
import org.cartpath.platform.database.EmbeddedPostgresServer;
import org.cartpath.referral.ReferralTestData;
import org.cartpath.testing.Http;
import org.cartpath.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Crash safety (docs/security-and-reliability.md), with cartpath as its own process on real PostgreSQL:
 * <ul>
 *   <li>killed with SIGKILL under a write load, it loses no acknowledged write, leaves no write half-done, and
 *       clients' retries with the same {@code Idempotency-Key} create nothing twice;</li>
 *   <li>when PostgreSQL stops abruptly (an immediate shutdown), requests are answered 503 within seconds,
 *       readiness goes down, and cartpath recovers by itself when the database is back.</li>
 * </ul>
 * The writes are referrals from the Leeds record system's demo token: each one registers a patient, opens a case
 * with its tasks, stores the referral and its audit row, and stores the idempotent answer, in one transaction.
 */
class CrashSafetyIT {

    /** The Leeds electronic patient record's demo API token (platform.demo.DemoData). */
    private static final String LEEDS_TOKEN = "cpt_demoleeds_demo0leeds0patient0record0token0j1k2";
    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 24;
    private static final int WRITERS = 3;

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One write a client sent, with the answer it received if the server acknowledged it. */
    private record Write(String key, String nhsNumber, String body, AtomicReference<String> acknowledged) {
    }

    @Test
    void afterAKillNineEveryAcknowledgedWriteIsThereExactlyOnceNoneIsHalfDoneAndRetriesCreateNothingTwice()
            throws Exception {
        String database = TestDatabase.newDatabase("crash");
        JdbcClient db = JdbcClient.create(TestDatabase.superuser(database));
        CartpathProcess app = new CartpathProcess("kill-nine", TestDatabase.url(database)).start();
        List<Write> writes = new ArrayList<>();
        try {
            String centre = firstCentre(app.port());
            Queue<Write> sent = new ConcurrentLinkedQueue<>();
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                Thread writer = new Thread(() -> {
                    while (!stop.get()) {
                        String nhs = PatientTestData.nhsNumber();
                        Write write = new Write(UUID.randomUUID().toString(), nhs, Http.JSON.writeValueAsString(
                                ReferralTestData.referral(nhs, "Crash" + nhs, centre)), new AtomicReference<>());
                        sent.add(write);
                        try {
                            HttpResponse<String> answer = postReferral(app.port(), write);
                            if (answer.statusCode() == 201) {
                                write.acknowledged().set(answer.body());
                                acknowledged.incrementAndGet();
                            }
                        } catch (IOException e) {
                            return; // the server died under this request: not acknowledged
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }, "crash-writer-" + i);
                writer.start();
                writers.add(writer);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (acknowledged.get() < ACKNOWLEDGED_BEFORE_THE_KILL && System.nanoTime() < deadline) {
                CartpathProcess.sleep(50);
            }
            app.kill(); // while the writers are still sending
            stop.set(true);
            for (Thread writer : writers) {
                writer.join(60_000);
            }
            writes.addAll(sent);
            assertThat(acknowledged.get()).as("acknowledged writes before the kill")
                    .isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_KILL);
            assertThat(writes).as("writes the kill cut off (each writer was sending)").hasSizeGreaterThan(acknowledged.get());
        } finally {
            app.kill();
        }

        for (Write write : writes) {
            long referrals = referralsOf(db, write.nhsNumber());
            if (write.acknowledged().get() != null) {
                assertThat(referrals).as("acknowledged write %s", write.key()).isEqualTo(1);
            } else {
                assertThat(referrals).as("unacknowledged write %s: all or nothing", write.key()).isBetween(0L, 1L);
            }
            assertWholeOrAbsent(db, write, referrals);
        }

        long cutOff = writes.stream().filter(w -> w.acknowledged().get() == null).count();
        System.out.printf("kill -9: %d writes sent, %d acknowledged, %d cut off, of which %d had committed%n",
                writes.size(), writes.size() - cutOff, cutOff, writes.stream()
                        .filter(w -> w.acknowledged().get() == null && referralsOf(db, w.nhsNumber()) == 1).count());

        CartpathProcess restarted = new CartpathProcess("kill-nine-restarted", TestDatabase.url(database)).start();
        try {
            for (Write write : writes) {
                HttpResponse<String> retry = postReferral(restarted.port(), write);
                assertThat(retry.statusCode()).as("retry of %s", write.key()).isEqualTo(201);
                if (write.acknowledged().get() != null) {
                    assertThat(retry.headers().firstValue("Idempotent-Replay")).as("retry of %s", write.key())
                            .contains("true");
                    assertThat(retry.body()).isEqualTo(write.acknowledged().get());
                }
            }
            for (Write write : writes) {
                assertThat(referralsOf(db, write.nhsNumber())).as("after retries, %s", write.key()).isEqualTo(1);
                assertWholeOrAbsent(db, write, 1);
            }
            Http auditor = Http.signedIn(restarted.port(), "auditor", "cartpath-demo");
            JsonNode verification = Http.json(auditor.get("/api/v1/audit-events/verification"));
            assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        } finally {
            restarted.kill();
        }
    }

    @Test
    void whenPostgresStopsAbruptlyRequestsAre503WithinSecondsReadinessGoesDownAndCartpathRecoversByItself()
            throws Exception {
        Path directory = Files.createTempDirectory("cartpath-postgres-stop");
        int postgresPort = CartpathProcess.freePort();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(directory, false, postgresPort);
        CartpathProcess app = new CartpathProcess("postgres-stop", postgres.jdbcUrl(EmbeddedPostgresServer.DATABASE),
                "--cartpath.db.connection-timeout=2s");
        try {
            app.start();
            assertThat(getReferrals(app.port()).statusCode()).isEqualTo(200);

            stopImmediately(directory);
            long stoppedAt = System.nanoTime();
            List<HttpResponse<String>> duringOutage = new ArrayList<>();
            long slowest = 0;
            for (int i = 0; i < 4; i++) {
                long start = System.nanoTime();
                duringOutage.add(getReferrals(app.port()));
                String nhs = PatientTestData.nhsNumber();
                duringOutage.add(postReferral(app.port(), new Write(UUID.randomUUID().toString(), nhs,
                        Http.JSON.writeValueAsString(ReferralTestData.referral(nhs, "Outage", UUID.randomUUID().toString())),
                        new AtomicReference<>())));
                slowest = Math.max(slowest, (System.nanoTime() - start) / 2);
            }
            for (HttpResponse<String> answer : duringOutage) {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                JsonNode problem = Http.json(answer);
                assertThat(problem.get("type").asText()).isEqualTo("/problems/database-unavailable");
                assertThat(answer.body()).doesNotContain("PSQLException", "Exception", "at org.");
            }
            assertThat(Duration.ofNanos(slowest)).as("the slowest answer while the database was down")
                    .isLessThan(Duration.ofSeconds(8));
            assertThat(waitFor(() -> app.readinessStatus() == 503, Duration.ofSeconds(30)))
                    .as("readiness goes DOWN").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(60));

            postgres.close();
            postgres = EmbeddedPostgresServer.start(directory, false, postgresPort);
            assertThat(waitFor(() -> app.readinessStatus() == 200, Duration.ofSeconds(60)))
                    .as("readiness comes back without a restart of cartpath").isTrue();
            assertThat(getReferrals(app.port()).statusCode()).isEqualTo(200);
            String centre = firstCentre(app.port());
            String nhs = PatientTestData.nhsNumber();
            assertThat(postReferral(app.port(), new Write(UUID.randomUUID().toString(), nhs,
                    Http.JSON.writeValueAsString(ReferralTestData.referral(nhs, "Recovered", centre)),
                    new AtomicReference<>())).statusCode()).as("a write after recovery").isEqualTo(201);
        } finally {
            app.kill();
            postgres.close();
        }
    }

    /** An immediate shutdown (SIGQUIT to the postmaster, as {@code pg_ctl stop -m immediate}): no checkpoint. */
    private static void stopImmediately(Path directory) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(directory.resolve("postgres").resolve("postmaster.pid")).get(0)
                .trim());
        assertThat(new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start().waitFor()).isZero();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
        assertThat(waitFor(() -> postmaster == null || !postmaster.isAlive(), Duration.ofSeconds(30))).isTrue();
    }

    /** Patient, case, referral, audit row and idempotent answer: all of a write, or none of it. */
    private static void assertWholeOrAbsent(JdbcClient db, Write write, long expected) {
        assertThat(db.sql("select count(*) from patient where nhs_number = ?").param(write.nhsNumber())
                .query(Long.class).single()).as("patient of %s", write.key()).isEqualTo(expected);
        assertThat(db.sql("select count(*) from therapy_case c join patient p on p.id = c.patient_id"
                + " where p.nhs_number = ?").param(write.nhsNumber()).query(Long.class).single())
                .as("case of %s", write.key()).isEqualTo(expected);
        assertThat(db.sql("select count(*) from audit_event a join referral r on a.entity_id = r.id::text"
                + " join patient p on p.id = r.patient_id where a.action = 'REFERRAL_SUBMITTED' and p.nhs_number = ?")
                .param(write.nhsNumber()).query(Long.class).single()).as("audit row of %s", write.key())
                .isEqualTo(expected);
        assertThat(db.sql("select count(*) from idempotency_record where key = ?").param(write.key())
                .query(Long.class).single()).as("idempotent answer of %s", write.key()).isEqualTo(expected);
    }

    private static long referralsOf(JdbcClient db, String nhsNumber) {
        return db.sql("select count(*) from referral r join patient p on p.id = r.patient_id where p.nhs_number = ?")
                .param(nhsNumber).query(Long.class).single();
    }

    private static String firstCentre(int port) throws Exception {
        HttpResponse<String> centres = CLIENT.send(request(port, "/api/v1/referral-centres").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(centres.statusCode()).as(centres.body()).isEqualTo(200);
        JsonNode id = Http.json(centres).get(0).get("id");
        return id.isObject() ? id.get("value").asText() : id.asText();
    }

    private static HttpResponse<String> getReferrals(int port) throws IOException, InterruptedException {
        return CLIENT.send(request(port, "/api/v1/referrals").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postReferral(int port, Write write) throws IOException, InterruptedException {
        return CLIENT.send(request(port, "/api/v1/referrals").header("Content-Type", "application/json")
                .header("Idempotency-Key", write.key()).POST(HttpRequest.BodyPublishers.ofString(write.body())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + LEEDS_TOKEN).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60));
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            CartpathProcess.sleep(250);
        }
        return condition.getAsBoolean();
    }
}

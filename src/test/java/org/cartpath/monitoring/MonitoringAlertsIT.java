package org.cartpath.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.grading.Consciousness;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.monitoring.internal.AlertWebhook;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.cartpath.testing.TestDatabase;
import org.cartpath.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The alert rule set, the missed-assessment check, acknowledgement and the webhook. */
@CartpathIntegrationTest
class MonitoringAlertsIT {

    @LocalServerPort
    int port;

    @Autowired
    MonitoringFixtures fixtures;

    @Autowired
    MonitoringManagement monitoring;

    @Autowired
    MonitoringAlerts alerts;

    @Autowired
    AlertWebhook webhook;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Value("${" + TestDatabaseInitializer.DATABASE_PROPERTY + "}")
    String database;

    MonitoringFixtures.Centre centre;
    HttpServer server;

    @BeforeEach
    void aCentre() {
        centre = fixtures.centre();
    }

    @AfterEach
    void stop() {
        clock.reset();
        if (server != null) {
            server.stop(0);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private void record(TherapyCase c, Assessments assessment) {
        monitoring.recordAssessment(centre.nurseActor(), c.id(), assessment.input());
    }

    private List<MonitoringAlert> alertsOf(TherapyCase c, MonitoringAlert.Kind kind) {
        return alerts.alertsOfCase(centre.consultantActor(), c.id()).stream().filter(a -> a.kind() == kind).toList();
    }

    @Test
    void crsAlertsOncePerGradeReachedInAnEpisodeAndAgainInANewEpisode() {
        TherapyCase c = fixtures.monitored(centre, now().minus(Duration.ofDays(5)), 40, "70");
        Instant t = now().minus(Duration.ofDays(4));
        record(c, Assessments.adult(t).temperature("38.5"));
        record(c, Assessments.adult(t.plus(Duration.ofHours(6))).temperature("39").hypotension());
        record(c, Assessments.adult(t.plus(Duration.ofHours(12))).temperature("39").hypotension());
        record(c, Assessments.adult(t.plus(Duration.ofHours(18))).temperature("39").oxygen(OxygenDevice.FACEMASK, null));
        record(c, Assessments.adult(t.plus(Duration.ofHours(24))).temperature("39").hypotension());
        assertThat(alertsOf(c, MonitoringAlert.Kind.CRS_GRADE)).extracting(MonitoringAlert::grade)
                .containsExactlyInAnyOrder(2, 3);
        record(c, Assessments.adult(t.plus(Duration.ofHours(30))));
        record(c, Assessments.adult(t.plus(Duration.ofHours(36))).temperature("38.9").hypotension());
        assertThat(alertsOf(c, MonitoringAlert.Kind.CRS_GRADE)).extracting(MonitoringAlert::grade)
                .containsExactlyInAnyOrder(2, 3, 2);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'MONITORING_ALERT_RAISED' and after_state like ?")
                .param("%" + c.id() + "%").query(Long.class).single()).isEqualTo(
                        (long) alerts.alertsOfCase(centre.consultantActor(), c.id()).size());
    }

    @Test
    void anyIcansAlertsAndAFeverAlertsOncePerSpellUpToDay14() {
        TherapyCase c = fixtures.monitored(centre, now().minus(Duration.ofDays(16)), 40, "70");
        Instant day2 = now().minus(Duration.ofDays(14));
        record(c, Assessments.adult(day2).ice(4, 3, 1, 1, 0));
        assertThat(alertsOf(c, MonitoringAlert.Kind.ICANS_GRADE)).extracting(MonitoringAlert::grade).containsExactly(1);
        record(c, Assessments.adult(day2.plus(Duration.ofHours(1))).temperature("38.0"));
        record(c, Assessments.adult(day2.plus(Duration.ofHours(2))).temperature("38.6"));
        record(c, Assessments.adult(day2.plus(Duration.ofHours(3))).temperature("37.2"));
        record(c, Assessments.adult(day2.plus(Duration.ofHours(4))).temperature("38.1"));
        assertThat(alertsOf(c, MonitoringAlert.Kind.FEVER)).hasSize(2);
        record(c, Assessments.adult(now().minus(Duration.ofHours(1))).temperature("37"));
        record(c, Assessments.adult(now()).temperature("39.4").consciousness(Consciousness.AWAKENS_SPONTANEOUSLY));
        assertThat(alertsOf(c, MonitoringAlert.Kind.FEVER)).as("day 16 is beyond 14 days").hasSize(2);
    }

    @Test
    void aMissedScheduledAssessmentAlertsOnceWhenTheCheckRuns() {
        TherapyCase c = fixtures.monitored(centre, now().minus(Duration.ofDays(3)), 40, "70");
        record(c, Assessments.adult(now()));
        alerts.checkMissedAssessments();
        assertThat(alertsOf(c, MonitoringAlert.Kind.MISSED_ASSESSMENT)).as("days before monitoring started").isEmpty();

        clock.advance(Duration.ofDays(2));
        alerts.checkMissedAssessments();
        alerts.checkMissedAssessments();
        List<MonitoringAlert> missed = alertsOf(c, MonitoringAlert.Kind.MISSED_ASSESSMENT);
        assertThat(missed).extracting(MonitoringAlert::dayNumber).containsExactly(4);
        assertThat(missed.get(0).detail()).contains("No assessment was recorded for day 4");
    }

    /**
     * A crash part-way through the round: the process dies while one case's alert is being written (simulated by a
     * trigger that fails that insert, so its transaction never commits, as when the process is killed). The cases
     * checked before it keep their alerts, nothing of the failed case is half-written, and the next round raises
     * each missing alert exactly once: nothing is skipped and nothing repeated.
     */
    @Test
    void aMissedAssessmentRoundCutOffPartWayRaisesEachAlertExactlyOnceWhenTheNextRoundRuns() {
        List<TherapyCase> cases = List.of(fixtures.monitored(centre, now().minus(Duration.ofDays(3)), 40, "70"),
                fixtures.monitored(centre, now().minus(Duration.ofDays(3)), 40, "70"),
                fixtures.monitored(centre, now().minus(Duration.ofDays(3)), 40, "70"));
        cases.forEach(c -> record(c, Assessments.adult(now())));
        clock.advance(Duration.ofDays(2));
        JdbcTemplate superuser = new JdbcTemplate(TestDatabase.superuser(database));
        superuser.execute("""
                create function crash_on_alert() returns trigger language plpgsql as $$
                begin raise exception 'simulated crash while alerting case %', new.case_id; end $$""");
        superuser.execute("create trigger crash_on_alert before insert on monitoring_alert for each row when (new.case_id"
                + " = '" + cases.get(1).id() + "') execute function crash_on_alert()");
        try {
            assertThatThrownBy(alerts::checkMissedAssessments).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("simulated crash");
            assertThat(alertsOf(cases.get(1), MonitoringAlert.Kind.MISSED_ASSESSMENT)).isEmpty();
            assertThat(auditRowsOfMissedAlerts(cases.get(1))).isZero();
        } finally {
            superuser.execute("drop trigger crash_on_alert on monitoring_alert");
            superuser.execute("drop function crash_on_alert()");
        }

        alerts.checkMissedAssessments();
        alerts.checkMissedAssessments();
        for (TherapyCase c : cases) {
            assertThat(alertsOf(c, MonitoringAlert.Kind.MISSED_ASSESSMENT)).extracting(MonitoringAlert::dayNumber)
                    .as("case %s", c.reference()).containsExactly(4);
            assertThat(auditRowsOfMissedAlerts(c)).as("case %s", c.reference()).isEqualTo(1);
        }
    }

    private long auditRowsOfMissedAlerts(TherapyCase c) {
        return jdbc.sql("select count(*) from audit_event where action = 'MONITORING_ALERT_RAISED' and after_state like ?"
                + " and after_state like '%MISSED_ASSESSMENT%'").param("%" + c.id() + "%").query(Long.class).single();
    }

    @Test
    void consultantsAndCoordinatorsAcknowledgeOnceWithWhoAndWhen() {
        TherapyCase c = fixtures.monitored(centre, now().minus(Duration.ofDays(2)), 40, "70");
        record(c, Assessments.adult(now()).ice(4, 3, 1, 1, 0));
        MonitoringAlert alert = alertsOf(c, MonitoringAlert.Kind.ICANS_GRADE).get(0);
        String path = "/api/v1/monitoring-alerts/" + alert.id() + "/acknowledgement";
        Http nurse = Http.signedIn(port, centre.nurse().username(), IdentityFixtures.PASSWORD);
        Http consultant = Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD);
        Http coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        MonitoringFixtures.Centre other = fixtures.centre();
        Http otherConsultant = Http.signedIn(port, other.consultant().username(), IdentityFixtures.PASSWORD);

        assertThat(Http.json(coordinator.get("/api/v1/monitoring-alerts")).valueStream()
                .map(a -> a.get("id").asText())).contains(alert.id().toString());
        assertThat(Http.json(otherConsultant.get("/api/v1/monitoring-alerts")).valueStream()
                .map(a -> a.get("id").asText())).doesNotContain(alert.id().toString());
        assertProblem(nurse.postJson(path, Map.of()), 403, "forbidden");
        assertProblem(otherConsultant.postJson(path, Map.of()), 404, "not-found");
        assertProblem(consultant.postJson("/api/v1/monitoring-alerts/not-an-id/acknowledgement", Map.of()), 404, "not-found");
        assertProblem(consultant.postJson(path, Map.of("note", "x".repeat(1001))), 400, "invalid-request", "note");
        assertProblem(Http.token(port, MonitoringApiIT.NOVARTIS_TOKEN).postJson(path, Map.of()), 404, "not-found");

        JsonNode acknowledged = Http.json(consultant.postJson(path, Map.of("note", "Neurology review at 09:00")));
        assertThat(acknowledged.get("acknowledgedByName").asText()).isEqualTo(centre.consultant().displayName());
        assertThat(acknowledged.get("acknowledgedAt").asText()).isNotBlank();
        assertThat(acknowledged.get("acknowledgementNote").asText()).isEqualTo("Neurology review at 09:00");
        assertThat(assertProblem(coordinator.postJson(path, Map.of()), 409, "alert-already-acknowledged")
                .get("detail").asText()).contains(centre.consultant().displayName());
        assertThat(Http.json(consultant.get("/api/v1/monitoring-alerts")).valueStream()
                .map(a -> a.get("id").asText())).doesNotContain(alert.id().toString());
        assertThat(Http.json(consultant.get("/api/v1/monitoring-alerts?include=all")).valueStream()
                .map(a -> a.get("id").asText())).contains(alert.id().toString());
        assertProblem(consultant.get("/api/v1/monitoring-alerts?include=some"), 400, "invalid-request", "include");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'MONITORING_ALERT_ACKNOWLEDGED'"
                + " and entity_id = ?").param(alert.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theWebhookReceivesTheAlertWithoutPatientIdentityAndFailuresAreRetriedThenGivenUp() throws Exception {
        ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>(List.of(500, 200));
        List<String> received = new CopyOnWriteArrayList<>();
        URI target = serve(answers, received);
        TherapyCase c = fixtures.monitored(centre, now().minus(Duration.ofDays(4)), 7, "20");
        record(c, Assessments.child(now()).temperature("39.2").hypotension().oxygen(OxygenDevice.NASAL_CANNULA, "2"));
        MonitoringAlert alert = alertsOf(c, MonitoringAlert.Kind.CRS_GRADE).get(0);

        transaction.executeWithoutResult(status -> webhook.enqueue(alert, target));
        waitFor(() -> attempts(alert) == 1);
        assertThat(received).hasSize(1);
        assertThat(webhook.deliverDue(target)).as("not due again for a minute").isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(webhook.deliverDue(target)).isEqualTo(1);

        assertThat(received).hasSize(2);
        JsonNode payload = Http.JSON.readTree(received.get(1));
        assertThat(payload.get("alertId").asText()).isEqualTo(alert.id().toString());
        assertThat(payload.get("caseReference").asText()).isEqualTo(c.reference());
        assertThat(payload.get("kind").asText()).isEqualTo("CRS_GRADE");
        assertThat(payload.get("grade").asInt()).isEqualTo(2);
        assertThat(received.get(1)).doesNotContain(c.patientId().toString()).doesNotContain(c.id().toString());
        Map<String, Object> row = jdbc.sql("select attempts, delivered_at, given_up_at from monitoring_webhook_delivery"
                + " where alert_id = ?").param(alert.id()).query().singleRow();
        assertThat(row.get("attempts")).isEqualTo(2);
        assertThat(row.get("delivered_at")).isNotNull();

        MonitoringAlert fever = alertsOf(c, MonitoringAlert.Kind.FEVER).get(0);
        answers.clear();
        transaction.executeWithoutResult(status -> webhook.enqueue(fever, target));
        waitFor(() -> attempts(fever) == 1);
        for (int attempt = 2; attempt <= 5; attempt++) {
            clock.advance(Duration.ofMinutes(1L << (attempt - 1)).plusSeconds(1));
            webhook.deliverDue(target);
        }
        Map<String, Object> givenUp = jdbc.sql("select attempts, delivered_at, given_up_at, last_error"
                + " from monitoring_webhook_delivery where alert_id = ?").param(fever.id()).query().singleRow();
        assertThat(givenUp.get("attempts")).isEqualTo(5);
        assertThat(givenUp.get("delivered_at")).isNull();
        assertThat(givenUp.get("given_up_at")).isNotNull();
        assertThat(givenUp.get("last_error")).isEqualTo("HTTP 503");
        clock.advance(Duration.ofHours(1));
        assertThat(webhook.deliverDue(target)).isZero();
        assertThat(received).hasSize(7);
    }

    /** Attempts recorded for an alert's delivery (the first runs on its own thread after commit). */
    private int attempts(MonitoringAlert alert) {
        return jdbc.sql("select attempts from monitoring_webhook_delivery where alert_id = ?").param(alert.id())
                .query(Integer.class).optional().orElse(0);
    }

    /** A local receiver answering with the queued statuses, then 503 once they run out. */
    private URI serve(ConcurrentLinkedQueue<Integer> answers, List<String> received) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alerts", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 503 : status, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(20);
        }
    }
}

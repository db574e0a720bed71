package org.cartpath.reporting.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.identity.Organisation;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.MonitoringFixtures;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.TestDatabase;
import org.cartpath.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Registry and commissioning exports end to end on PostgreSQL (ADR 0026, hazard H-23): refused with gaps unless
 * exported with them, audited, byte-identical on a second run, scoped to the centre or national and pseudonymised,
 * interrupted runs recovered and restarted, bad input refused.
 */
@CartpathIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one small cohort in March 2025 for every test
class ExportsIT {

    private static final String MARCH = "2025-03";

    @LocalServerPort
    int port;

    @Autowired
    MonitoringFixtures monitoring;

    @Autowired
    IdentityFixtures identities;

    @Autowired
    Exports exports;

    @Autowired
    org.cartpath.followup.FollowUpPlans plans;

    @Autowired
    org.cartpath.followup.OutcomeEvents outcomes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @org.springframework.beans.factory.annotation.Value("${" + TestDatabaseInitializer.DATABASE_PROPERTY + "}")
    String database;

    /** The test's own set-up, written as the database's owner (not the application, so not audited). */
    private JdbcClient owner() {
        return JdbcClient.create(TestDatabase.superuser(database));
    }

    MonitoringFixtures.Centre centre;
    TherapyCase complete;
    TherapyCase gappy;
    Actor dataManager;
    Actor otherDataManager;
    Actor commissioner;

    @BeforeAll
    void aCentreWithOnePatientFullyRecordedAndOneWithoutLymphodepletionInMarch2025() {
        centre = monitoring.centre();
        String ods = "T" + Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
        owner().sql("update organisation set ods_code = ? where id = ?").params(ods.substring(0, Math.min(5,
                ods.length())), centre.centre().id().value()).update();
        complete = monitoring.monitored(centre, Instant.parse("2025-03-12T10:00:00Z"), 9, "28.4");
        gappy = monitoring.monitored(centre, Instant.parse("2025-03-20T10:00:00Z"), 12, "40");
        UUID plan = UUID.randomUUID();
        lymphodepletion(plan, "FLUDARABINE", "2025-03-08T09:00:00Z", "29.7");
        lymphodepletion(plan, "CYCLOPHOSPHAMIDE", "2025-03-08T10:00:00Z", "495");
        dataManager = MonitoringFixtures.actor(identities.user(centre.centre(), Role.DATA_MANAGER), centre.centre());
        Organisation other = identities.organisation(OrganisationKind.TREATMENT_CENTRE);
        otherDataManager = MonitoringFixtures.actor(identities.user(other, Role.DATA_MANAGER), other);
        Organisation nhsEngland = identities.organisation(OrganisationKind.COMMISSIONER);
        commissioner = MonitoringFixtures.actor(identities.user(nhsEngland, Role.ANALYST), nhsEngland);
    }

    private void lymphodepletion(UUID plan, String drug, String at, String mg) {
        // as the pharmacy's administration record writes it (treatment's LymphodepletionAdministrations)
        owner().sql("""
                insert into lymphodepletion_administration (id, plan_id, case_id, planned_on, drug, status, planned_mg,
                    given_mg, given_at, recorded_by, recorded_by_name, recorded_at)
                values (?, ?, ?, ?, ?, 'GIVEN', ?, ?, ?, 'test', 'Test pharmacist', ?)""")
                .params(UUID.randomUUID(), plan, complete.id().value(), LocalDate.parse(at.substring(0, 10)), drug,
                        new java.math.BigDecimal(mg), new java.math.BigDecimal(mg), Timestamp.from(Instant.parse(at)),
                        Timestamp.from(Instant.parse(at)))
                .update();
    }

    private ExportRun finished(Actor actor, UUID id) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ExportRun run = exports.get(actor, id);
        while (run.status() == ExportRun.Status.RUNNING && System.nanoTime() < until) {
            try {
                Thread.sleep(25); // a short poll interval while the background job runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            run = exports.get(actor, id);
        }
        return run;
    }

    private String text(Exports.Download download) {
        return new String(download.content(), StandardCharsets.UTF_8);
    }

    @Test
    void anExportWithGapsIsRefusedUnlessExportedWithThemListedInTheManifestAndTheStartIsAudited() {
        Exports.Completeness report = exports.completeness(dataManager, "SACT", MARCH);
        assertThat(report.patients()).isEqualTo(2);
        assertThat(report.gaps()).as("only the patient without lymphodepletion misses a required field")
                .extracting(Gap::patient, Gap::fixAt).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        gappy.reference(), "/cases/" + gappy.id().value() + "/lymphodepletion"));

        int before = exports.history(dataManager).size();
        assertThatThrownBy(() -> exports.start(dataManager, new Exports.Start("SACT", MARCH, "March submission",
                false))).isInstanceOf(ProblemException.class).satisfies(e -> {
                    assertThat(((ProblemException) e).status()).isEqualTo(422);
                    assertThat(((ProblemException) e).type()).isEqualTo("export-has-gaps");
                });
        assertThat(exports.history(dataManager)).as("a refused export leaves nothing").hasSize(before);

        ExportRun started = exports.start(dataManager, new Exports.Start("SACT", MARCH, "March submission", true));
        ExportRun run = finished(dataManager, started.id());
        assertThat(run.status()).isEqualTo(ExportRun.Status.COMPLETE);
        assertThat(run.rows()).isEqualTo(4); // fludarabine, cyclophosphamide and two infusions
        String file = text(exports.file(dataManager, run.id()));
        assertThat(file.split("\r\n")).hasSize(5);
        assertThat(file).contains(",FLUDARABINE,29.7,", ",CYCLOPHOSPHAMIDE,495,", "2025-03-12T10:00:00Z");
        assertThat(Exports.sha256(exports.file(dataManager, run.id()).content())).isEqualTo(run.sha256());

        JsonNode manifest = Http.JSON.readTree(text(exports.manifest(dataManager, run.id())));
        assertThat(manifest.get("specificationVersion").asText()).startsWith("SACT v4.0");
        assertThat(manifest.get("sha256").asText()).isEqualTo(run.sha256());
        assertThat(manifest.get("rows").asInt()).isEqualTo(4);
        assertThat(manifest.get("exportedWithGaps").asBoolean()).isTrue();
        assertThat(manifest.get("gaps")).hasSize(1);
        assertThat(manifest.get("gaps").get(0).get("patient").asText()).isEqualTo(gappy.reference());
        assertThat(manifest.get("unfillableFields").has("8 Consultant Specialty Code")).isTrue();
        assertThat(manifest.get("extractedAt").asText()).isNotBlank();
        assertThat(file).doesNotContain(manifest.get("extractedAt").asText().substring(0, 16));

        List<Map<String, Object>> audit = jdbc.sql("select action, actor_id, reason from audit_event "
                + "where entity_type = 'RegistryExport' and entity_id = ? order by id").param(run.id().toString())
                .query().listOfRows();
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("EXPORT_STARTED", "EXPORT_COMPLETED");
        assertThat(audit.get(0).get("actor_id")).isEqualTo(dataManager.id());
        assertThat(audit.get(0).get("reason")).isEqualTo("March submission");
    }

    @Test
    void theCibmtrFollowUpFormsDueInTheMonthListTheMissingContactAndAreFilledFromTheRecordOnceItIsThere() {
        // day 100 of the infusion of 12 March 2025 is 20 June 2025 (docs/reporting/cibmtr-4100.md)
        Actor system = Actor.system("test");
        plans.planAfterInfusion(system, complete.id(), Instant.parse("2025-03-12T10:00:00Z"));
        plans.planAfterInfusion(system, gappy.id(), Instant.parse("2025-03-20T10:00:00Z"));
        Exports.Completeness before = exports.completeness(dataManager, "CIBMTR_4100", "2025-06");
        assertThat(before.gaps()).filteredOn(g -> g.patient().equals(complete.reference()))
                .extracting(Gap::field).anyMatch(f -> f.startsWith("Q2 Date of actual contact"))
                .anyMatch(f -> f.startsWith("Q9 Best response"));

        outcomes.record(dataManager, complete.id(), new org.cartpath.followup.OutcomeEvents.Entry(
                org.cartpath.followup.OutcomeEvent.Kind.ALIVE, LocalDate.parse("2025-06-18"),
                org.cartpath.followup.OutcomeEvent.InformationSource.CLINIC_VISIT, null, null, null, null, null, null,
                null, null));
        Exports.Completeness after = exports.completeness(dataManager, "CIBMTR_4100", "2025-06");
        assertThat(after.gaps()).filteredOn(g -> g.patient().equals(complete.reference()))
                .extracting(Gap::field).noneMatch(f -> f.startsWith("Q2 Date of actual contact"))
                .anyMatch(f -> f.startsWith("Q9 Best response"));
        assertThat(after.gaps()).filteredOn(g -> g.patient().equals(gappy.reference()))
                .filteredOn(g -> !g.field().startsWith(CibmtrForms.CRID_LABEL)).isNotEmpty()
                .allMatch(g -> g.fixAt().equals("/cases/" + gappy.id() + "/follow-up"));

        ExportRun run = finished(dataManager, exports.start(dataManager, new Exports.Start("CIBMTR_4100", "2025-06",
                "CIBMTR day-100 forms for June", true)).id());
        assertThat(run.status()).isEqualTo(ExportRun.Status.COMPLETE);
        List<String> lines = text(exports.file(dataManager, run.id())).lines().toList();
        assertThat(lines.get(0)).startsWith("crid,patient,centre_ods_code,q1_product,infusion_date,timepoint");
        String row = lines.stream().filter(l -> l.contains(complete.reference())).findFirst().orElseThrow();
        assertThat(row).contains(",DAY_100,2025-03-12,2025-06-18,2025-06-18,ALIVE,");
        assertThat(text(exports.manifest(dataManager, run.id()))).contains("Q180-184 Infection",
                "https://www.cibmtr.org/manuals/fim/1/en/topic/4100");

        ExportRun national = finished(commissioner, exports.start(commissioner, new Exports.Start("CIBMTR_4100",
                "2025-06", "National CIBMTR completeness review", true)).id());
        String file = text(exports.file(commissioner, national.id()));
        assertThat(file).doesNotContain(complete.reference()).contains(",DAY_100,2025-03-12,2025-06-18,");
    }

    @Test
    void aRegistryIdIsRecordedByTheTreatingCentreOnlyAndBadInputOrADuplicateIsRefusedWithNothingChanged() {
        // two patients of their own, infused in April 2025 (outside the other tests' months)
        Actor system = Actor.system("test");
        TherapyCase first = monitoring.monitored(centre, Instant.parse("2025-04-02T10:00:00Z"), 30, "70");
        TherapyCase second = monitoring.monitored(centre, Instant.parse("2025-04-03T10:00:00Z"), 40, "80");
        plans.planAfterInfusion(system, first.id(), Instant.parse("2025-04-02T10:00:00Z"));
        plans.planAfterInfusion(system, second.id(), Instant.parse("2025-04-03T10:00:00Z"));
        Http http = Http.signedIn(port, dataManager.username(), IdentityFixtures.PASSWORD);
        String firstIds = "/api/v1/cases/" + first.id().value() + "/registry-ids";
        String secondIds = "/api/v1/cases/" + second.id().value() + "/registry-ids";
        assertProblem(http.postJson(firstIds, Map.of("registry", "CIBMTR", "registryId", "12345")), 400,
                "invalid-request", "registryId");
        assertProblem(http.postJson(firstIds, Map.of("registry", "CIBMTR", "registryId", "729-123456")), 400,
                "invalid-request", "registryId");
        assertProblem(http.postJson(firstIds, Map.of("registry", "ABMTR", "registryId", "1111222233")), 400,
                "invalid-request", "registry");
        assertProblem(Http.signedIn(port, otherDataManager.username(), IdentityFixtures.PASSWORD)
                .postJson(firstIds, Map.of("registry", "CIBMTR", "registryId", "1111222233")), 404, "not-found");
        assertProblem(Http.signedIn(port, commissioner.username(), IdentityFixtures.PASSWORD)
                .postJson(firstIds, Map.of("registry", "CIBMTR", "registryId", "1111222233")), 403, "forbidden");
        assertThat(jdbc.sql("select count(*) from reporting_registry_id where recorded_for_case in (?, ?)")
                .params(first.id().value(), second.id().value()).query(Integer.class).single())
                .as("a refused id records nothing").isZero();

        assertThat(http.postJson(firstIds, Map.of("registry", "CIBMTR", "registryId", "1111-2222-33"))
                .statusCode()).isEqualTo(200);
        assertThat(http.postJson(secondIds, Map.of("registry", "CIBMTR", "registryId", "2222333344")).statusCode())
                .isEqualTo(200);
        // H-33: one CRID names one patient; the same patient's CRID is not silently replaced
        assertProblem(http.postJson(secondIds, Map.of("registry", "CIBMTR", "registryId", "1111222233")), 409,
                "registry-id-in-use");
        assertProblem(http.postJson(firstIds, Map.of("registry", "CIBMTR", "registryId", "1111222233")), 409,
                "registry-id-already-recorded");
        assertProblem(http.postJson(firstIds, Map.of("registry", "CIBMTR", "registryId", "9999888877")), 409,
                "registry-id-already-recorded");
        JsonNode ids = Http.json(http.get("/api/v1/cases/" + second.id().value() + "/registry-reporting"));
        assertThat(ids.get("ids").get(0).get("registryId").asText()).isEqualTo("2222-3333-44");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'REGISTRY_ID_RECORDED' and "
                + "after_state::text like ?").param("%1111222233%").query(Integer.class).single()).isEqualTo(1);

        String submissions = "/api/v1/cases/" + first.id().value() + "/registry-submissions";
        assertProblem(http.postJson(submissions, Map.of("form", "CIBMTR_9999", "timepoint", "DAY_0", "status",
                "SUBMITTED", "statusOn", "2025-04-01")), 400, "invalid-request", "form");
        assertProblem(http.postJson(submissions, Map.of("form", "CIBMTR_4000", "timepoint", "DAY_100", "status",
                "SUBMITTED", "statusOn", "2025-04-01")), 400, "invalid-request", "timepoint");
        assertProblem(http.postJson(submissions, Map.of("form", "CIBMTR_4000", "timepoint", "DAY_0", "status",
                "RETURNED_WITH_QUERY", "statusOn", "2025-04-01")), 400, "invalid-request", "query");
        assertThat(http.postJson(submissions, Map.of("form", "CIBMTR_4000", "timepoint", "DAY_0", "status",
                "SUBMITTED", "statusOn", "2025-04-01")).statusCode()).isEqualTo(200);
        assertProblem(http.postJson(submissions, Map.of("form", "CIBMTR_4000", "timepoint", "DAY_0", "status",
                "SUBMITTED", "statusOn", "2025-04-01")), 409, "submission-status-unchanged");
        JsonNode reporting = Http.json(http.get("/api/v1/cases/" + first.id().value() + "/registry-reporting"));
        assertThat(reporting.get("submissions")).hasSize(1);
        assertThat(reporting.get("submissions").get(0).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(http.get("/exports").body()).contains(first.reference(), "1111-2222-33");
        // the page: a wrong shape is shown in the form's words and records nothing
        var page = http.postForm("/exports/registry/" + second.id().value() + "/ids", Map.of("registry", "EBMT",
                "registryId", "7291234"));
        assertThat(page.body()).contains("nhsuk-error-summary", "Enter the EBMT registration id as the centre code");
        assertThat(jdbc.sql("select count(*) from reporting_registry_id where recorded_for_case = ? and registry = "
                + "'EBMT'").param(second.id().value()).query(Integer.class).single()).isZero();
    }

    @Test
    void theCibmtr4000JsonNamesEachPatientsOwnCridAndIsByteIdenticalOnASecondRun() {
        Actor system = Actor.system("test");
        plans.planAfterInfusion(system, complete.id(), Instant.parse("2025-03-12T10:00:00Z"));
        plans.planAfterInfusion(system, gappy.id(), Instant.parse("2025-03-20T10:00:00Z"));
        owner().sql("""
                insert into reporting_registry_id (patient_id, registry, registry_id, recorded_for_case,
                    recorded_by_id, recorded_by_name, recorded_by_org, recorded_at)
                select c.patient_id, 'CIBMTR', ?, c.id, 'test', 'Test', c.treating_centre_id, now()
                from therapy_case c where c.id = ? on conflict do nothing""")
                .params("5555666677", complete.id().value()).update();
        String crid = jdbc.sql("select r.registry_id from reporting_registry_id r join therapy_case c "
                + "on c.patient_id = r.patient_id where c.id = ? and r.registry = 'CIBMTR'")
                .param(complete.id().value()).query(String.class).single();
        ExportRun first = finished(dataManager, exports.start(dataManager, new Exports.Start("CIBMTR_4000", MARCH,
                "CIBMTR pre-infusion forms", true, "JSON")).id());
        assertThat(first.status()).isEqualTo(ExportRun.Status.COMPLETE);
        assertThat(first.format()).isEqualTo(ExportFormat.JSON);
        List<JsonNode> documents = text(exports.file(dataManager, first.id())).lines().map(Http.JSON::readTree)
                .toList();
        assertThat(documents).extracting(d -> d.get("patient").asText())
                .containsExactly(complete.reference(), gappy.reference());
        JsonNode mine = documents.get(0);
        assertThat(mine.get("form").asText()).isEqualTo("CIBMTR Form 4000");
        assertThat(mine.get("crid").asText()).as("H-33: the row names its own patient's CRID").isEqualTo(crid);
        assertThat(documents.get(1).get("crid").isNull() ? null : documents.get(1).get("crid").asText())
                .isNotEqualTo(crid);
        assertThat(mine.get("answers").valueStream().filter(a -> a.get("field").asText().equals("date_of_infusion"))
                .findFirst().orElseThrow().get("value").asText()).isEqualTo("2025-03-12");
        assertThat(mine.get("answers").valueStream().filter(a -> a.get("field").asText()
                .equals("lymphodepleting_agents")).findFirst().orElseThrow().get("value").asText())
                .isEqualTo("CYCLOPHOSPHAMIDE 495 mg; FLUDARABINE 29.7 mg");
        assertThat(exports.file(dataManager, first.id()).fileName()).endsWith(".jsonl");
        JsonNode manifest = Http.JSON.readTree(text(exports.manifest(dataManager, first.id())));
        assertThat(manifest.get("unfillableFields").has("Q86-91 Holding / bridging therapy prior to infusion"))
                .isTrue();
        assertThat(manifest.get("gaps").valueStream().map(g -> g.get("patient").asText() + " " + g.get("field")
                .asText())).contains(gappy.reference() + " Q92-98 Was lymphodepleting therapy given?: not recorded");

        ExportRun second = finished(dataManager, exports.start(dataManager, new Exports.Start("CIBMTR_4000", MARCH,
                "CIBMTR pre-infusion forms", true, "JSON")).id());
        assertThat(exports.file(dataManager, second.id()).content()).isEqualTo(
                exports.file(dataManager, first.id()).content());
        ExportRun csv = finished(dataManager, exports.start(dataManager, new Exports.Start("CIBMTR_4000", MARCH,
                "CIBMTR pre-infusion forms", true, "CSV")).id());
        assertThat(text(exports.file(dataManager, csv.id())).lines().skip(1)).anySatisfy(line -> assertThat(line)
                .startsWith(crid + "," + complete.reference() + ","));
        assertThatThrownBy(() -> exports.start(dataManager, new Exports.Start("SACT", MARCH, "x", true, "JSON")))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void theSameDataGiveTheSameBytesOnASecondRunWhileTheManifestsDiffer() {
        ExportRun first = finished(dataManager, exports.start(dataManager, new Exports.Start("SACT", MARCH,
                "Reproducibility check", true)).id());
        ExportRun second = finished(dataManager, exports.start(dataManager, new Exports.Start("SACT", MARCH,
                "Reproducibility check", true)).id());
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(exports.file(dataManager, second.id()).content()).isEqualTo(exports.file(dataManager, first.id())
                .content());
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(exports.manifest(dataManager, second.id()).content()).isNotEqualTo(
                exports.manifest(dataManager, first.id()).content());
    }

    @Test
    void anotherCentreCannotSeeTheExportAndTheCommissionerGetsANationalPseudonymisedExtract() {
        ExportRun run = finished(dataManager, exports.start(dataManager, new Exports.Start("CDF_OUTCOMES", MARCH,
                "NICE data collection", true)).id());
        assertThat(run.status()).isEqualTo(ExportRun.Status.COMPLETE);
        String cdf = text(exports.file(dataManager, run.id()));
        assertThat(cdf).startsWith(String.join(",", CdfLayout.HEADER)).contains(",KYMRIAH,B_ALL,,Y,2025-03-12,DAY_28,")
                .doesNotContain(complete.reference(), gappy.reference());

        assertThatThrownBy(() -> exports.get(otherDataManager, run.id())).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(404));
        assertThat(exports.history(otherDataManager)).extracting(ExportRun::id).doesNotContain(run.id());
        assertThat(exports.history(commissioner)).as("a centre's exports name its case references")
                .extracting(ExportRun::id).doesNotContain(run.id());

        Exports.Completeness national = exports.completeness(commissioner, "SACT", MARCH);
        assertThat(national.gaps()).allSatisfy(g -> {
            assertThat(g.patient()).startsWith("P-");
            assertThat(g.fixAt()).isNull();
        });
        ExportRun nationalRun = finished(commissioner, exports.start(commissioner, new Exports.Start("SACT", MARCH,
                "National SACT review", true)).id());
        assertThat(nationalRun.pseudonymised()).isTrue();
        assertThat(nationalRun.centreId()).isNull();
        String file = text(exports.file(commissioner, nationalRun.id()));
        assertThat(file).contains(",FLUDARABINE,29.7,");
        String nhsNumber = jdbc.sql("select p.nhs_number from patient p join therapy_case c on c.patient_id = p.id "
                + "where c.id = ?").param(complete.id().value()).query(String.class).single();
        String familyName = jdbc.sql("select p.family_name from patient p join therapy_case c on c.patient_id = p.id "
                + "where c.id = ?").param(complete.id().value()).query(String.class).single();
        assertThat(file).doesNotContain(nhsNumber, familyName, "2016-03-01", "LS1 5AB", complete.reference());
        assertThatThrownBy(() -> exports.get(dataManager, nationalRun.id())).isInstanceOf(ProblemException.class);
    }

    @Test
    void anExportLeftRunningByAStoppedInstanceIsMarkedInterruptedAndCanBeRestartedWhileOneStillRunningIsNot() {
        UUID stale = UUID.randomUUID();
        Instant longAgo = clock.instant().minus(Duration.ofMinutes(10));
        owner().sql("""
                insert into reporting_export (id, kind, period_month, purpose, centre_id, pseudonymised, with_gaps,
                    status, requested_by_id, requested_by_name, requested_by_org, requested_at, heartbeat_at,
                    progress_total)
                values (?, 'CDF_OUTCOMES', date '2025-02-01', 'February extract', ?, false, true, 'RUNNING', ?,
                    'Test data manager', ?, ?, ?, 2)""")
                .params(stale, centre.centre().id().value(), dataManager.id(), centre.centre().id().value(),
                        Timestamp.from(longAgo), Timestamp.from(longAgo)).update();
        ExportRun replay = exports.start(dataManager, new Exports.Start("CDF_OUTCOMES", "2025-02", "February extract",
                true));
        assertThat(replay.id()).as("a replay while it runs answers the running export").isEqualTo(stale);

        // while an instance runs it, its heartbeat keeps it running however long ago it started
        exports.running(stale);
        try {
            exports.keepAliveAndRecover();
        } finally {
            exports.stopped(stale);
        }
        assertThat(exports.get(dataManager, stale).status()).isEqualTo(ExportRun.Status.RUNNING);
        owner().sql("update reporting_export set heartbeat_at = ? where id = ?").params(Timestamp.from(longAgo), stale)
                .update();

        // its instance stopped: the next round (every half minute, and at start-up) marks it interrupted
        exports.keepAliveAndRecover();
        ExportRun interrupted = exports.get(dataManager, stale);
        assertThat(interrupted.status()).isEqualTo(ExportRun.Status.INTERRUPTED);
        assertThat(interrupted.restartable()).isTrue();
        assertThatThrownBy(() -> exports.file(dataManager, stale)).isInstanceOf(ProblemException.class);

        ExportRun restarted = finished(dataManager, exports.restart(dataManager, stale).id());
        assertThat(restarted.restartOf()).isEqualTo(stale);
        assertThat(restarted.status()).isEqualTo(ExportRun.Status.COMPLETE);
        assertThatThrownBy(() -> exports.restart(dataManager, restarted.id())).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(409));
    }

    @Test
    void theApiRefusesBadInputOtherCentresIdsAndEveryoneElse() {
        Http http = Http.signedIn(port, dataManager.username(), IdentityFixtures.PASSWORD);
        assertProblem(http.postJson("/api/v1/exports", Map.of("kind", "CIBMTR", "month", MARCH, "purpose", "x")), 400,
                "invalid-request", "kind");
        assertProblem(http.postJson("/api/v1/exports", Map.of("kind", "SACT", "month", "March", "purpose", "x")), 400,
                "invalid-request", "month");
        String future = YearMonth.now(clock.withZone(ZoneId.of("Europe/London"))).plusMonths(1).toString();
        assertProblem(http.postJson("/api/v1/exports", Map.of("kind", "SACT", "month", future, "purpose", "x")), 400,
                "invalid-request", "month");
        assertProblem(http.get("/api/v1/exports/completeness?kind=SACT&month=2025-13"), 400, "invalid-request",
                "month");
        assertProblem(http.postJson("/api/v1/exports", Map.of("kind", "SACT", "month", MARCH, "purpose", "x")), 422,
                "export-has-gaps");
        assertProblem(http.get("/api/v1/exports/not-an-id"), 404, "not-found");
        assertProblem(http.get("/api/v1/exports/" + UUID.randomUUID() + "/file"), 404, "not-found");

        Http other = Http.signedIn(port, otherDataManager.username(), IdentityFixtures.PASSWORD);
        UUID mine = exports.history(dataManager).stream().findFirst().map(ExportRun::id)
                .orElseGet(() -> finished(dataManager, exports.start(dataManager, new Exports.Start("SACT", MARCH,
                        "For the scope test", true)).id()).id());
        assertProblem(other.get("/api/v1/exports/" + mine), 404, "not-found");
        assertProblem(other.get("/api/v1/exports/" + mine + "/file"), 404, "not-found");

        Http coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        assertProblem(coordinator.get("/api/v1/exports"), 403, "forbidden");
        assertThat(coordinator.get("/").body()).doesNotContain("href=\"/exports\"");
        Actor centreAnalyst = MonitoringFixtures.actor(identities.user(centre.centre(), Role.ANALYST), centre.centre());
        assertThat(Exports.allowed(centreAnalyst)).as("a centre's analyst: no link, and 403").isFalse();
        assertThat(new ExportsNavigation().navigation(centreAnalyst)).isEmpty();
        assertThatThrownBy(() -> exports.history(centreAnalyst)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        assertThat(http.get("/").body()).contains("href=\"/exports\"");
    }

    @Test
    void theDemoDataManagerSeesTheDemoChildsMissingLymphodepletionInItsInfusionMonth() {
        Actor demo = jdbc.sql("""
                select u.id, u.username, u.display_name, o.id as org, o.name from app_user u
                join organisation o on o.id = u.organisation_id where u.username = 'data.manager'""")
                .query((row, n) -> new Actor(row.getString("id"), Actor.ActorType.PERSON, row.getString("username"),
                        row.getString("display_name"), new org.cartpath.shared.OrganisationId(row.getObject("org",
                                UUID.class)), row.getString("name"), OrganisationKind.TREATMENT_CENTRE, false,
                        java.util.Set.of(Role.DATA_MANAGER))).single();
        String month = jdbc.sql("""
                select to_char(a.day_zero, 'YYYY-MM') from monitoring_anchor a
                join therapy_case c on c.id = a.case_id join patient p on p.id = c.patient_id
                where p.nhs_number = '9990010064'""").query(String.class).single();
        Exports.Completeness report = exports.completeness(demo, "SACT", month);
        assertThat(report.patients()).isGreaterThanOrEqualTo(1);
        assertThat(report.gaps()).extracting(Gap::field).anySatisfy(field -> assertThat(field)
                .contains("no lymphodepletion administration"));
    }
}

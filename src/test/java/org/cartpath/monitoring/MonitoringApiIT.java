package org.cartpath.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.PartyRole;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.grading.CapdAnswer;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Day 0, assessments and corrections over HTTP: the night-shift story, bad input, scoping, versions. */
@CartpathIntegrationTest
class MonitoringApiIT {

    static final String NOVARTIS_TOKEN = "cpt_demonovartis_demo0novartis0manufacturing0token0a1";

    @LocalServerPort
    int port;

    @Autowired
    MonitoringFixtures fixtures;

    @Autowired
    CaseJourney journey;

    @Autowired
    OrganisationManagement organisations;

    @Autowired
    JdbcClient jdbc;

    MonitoringFixtures.Centre centre;
    Http nurse;
    Instant now;

    @BeforeEach
    void aCentreWithItsNurse() {
        centre = fixtures.centre();
        nurse = Http.signedIn(port, centre.nurse().username(), IdentityFixtures.PASSWORD);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private long rows(String table, TherapyCase c) {
        return jdbc.sql("select count(*) from " + table + " where case_id = ?").param(c.id().value())
                .query(Long.class).single();
    }

    @Test
    void theNightNurseRecordsDayFourObservationsAndTheConsultantIsAlertedToCrsGradeTwo() {
        // Day +4 after infusion, at night: 39.2 °C, a fluid bolus for blood pressure, 2 L/min by nasal cannula,
        // CAPD answers for the shift of a 7-year-old weighing 20 kg.
        TherapyCase child = fixtures.monitored(centre, now.minus(Duration.ofDays(4)).minus(Duration.ofHours(3)), 7, "20");
        Map<String, Object> body = Assessments.child(now.minus(Duration.ofMinutes(5))).temperature("39.2").hypotension()
                .oxygen(OxygenDevice.NASAL_CANNULA, "2").json();

        HttpResponse<String> response = nurse.postJson("/api/v1/cases/" + child.id() + "/assessments", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode assessment = Http.json(response);
        assertThat(assessment.get("crsGrade").asInt()).isEqualTo(2);
        assertThat(assessment.get("crsExplanation").asText()).contains("CRS grade 2")
                .contains("hypotension not needing vasopressors").contains("nasal cannula");
        assertThat(assessment.get("icansGrade").asInt()).isZero();
        assertThat(assessment.get("icansTool").asText()).isEqualTo("CAPD");
        assertThat(assessment.get("icansScore").asInt()).isZero();
        assertThat(assessment.get("icansExplanation").asText()).startsWith("No ICANS");
        assertThat(assessment.get("dayNumber").asInt()).isBetween(4, 5);
        assertThat(assessment.get("graderVersion").asText()).isEqualTo("ASTCT-2019/cartpath-1");
        assertThat(assessment.get("inputs").get("oxygenFlowLitresPerMinute").decimalValue()).isEqualByComparingTo("2");

        Http consultant = Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD);
        JsonNode alerts = Http.json(consultant.get("/api/v1/monitoring-alerts"));
        List<JsonNode> ofChild = alerts.valueStream().filter(a -> a.get("caseId").asText().equals(child.id().toString()))
                .toList();
        assertThat(ofChild).extracting(a -> a.get("kind").asText()).containsExactlyInAnyOrder("CRS_GRADE", "FEVER");
        assertThat(ofChild).filteredOn(a -> a.get("kind").asText().equals("CRS_GRADE"))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.get("kind").asText()).isEqualTo("CRS_GRADE");
                    assertThat(alert.get("grade").asInt()).isEqualTo(2);
                    assertThat(alert.get("detail").asText()).contains("CRS reached grade 2");
                });
        JsonNode tocilizumab = Http.json(consultant.get("/api/v1/cases/" + child.id() + "/tocilizumab"));
        assertThat(tocilizumab.get("doseMg").decimalValue()).isEqualByComparingTo("240");
        assertThat(tocilizumab.get("mgPerKg").asInt()).isEqualTo(12);
        JsonNode summary = Http.json(consultant.get("/api/v1/cases/" + child.id() + "/monitoring"));
        assertThat(summary.get("highestCrsGrade").asInt()).isEqualTo(2);
        assertThat(summary.get("episodes").get(0).get("syndrome").asText()).isEqualTo("CRS");
    }

    @Test
    void startingMonitoringRecordsDayZeroMovesAnInfusedCaseOnAndRefusesASecondStart() {
        TherapyCase infused = fixtures.caseAt(centre, Stage.INFUSED);
        Map<String, Object> start = Map.of("infusedAt", now.minus(Duration.ofHours(2)).toString(), "ageYears", 34,
                "developmentalDelay", false, "weightKg", 72.5);

        HttpResponse<String> started = nurse.postJson("/api/v1/cases/" + infused.id() + "/monitoring", start);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(Http.json(started).get("labelVersionId").asText()).isEqualTo("KYMRIAH-US-2025-06");
        assertThat(journey.get(centre.nurseActor(), infused.id()).therapyCase().stage()).isEqualTo(Stage.MONITORING);
        JsonNode summary = Http.json(nurse.get("/api/v1/cases/" + infused.id() + "/monitoring"));
        assertThat(summary.get("latestWeight").get("weightKg").decimalValue()).isEqualByComparingTo("72.5");
        assertThat(summary.get("dates").get("dailyMonitoringUntil").get("days").asInt()).isEqualTo(7);
        assertThat(summary.get("dates").get("stayNearCentreUntil").get("days").asInt()).isEqualTo(14);

        assertProblem(nurse.postJson("/api/v1/cases/" + infused.id() + "/monitoring", start), 409,
                "monitoring-already-started");
        TherapyCase early = fixtures.caseAt(centre, Stage.LYMPHODEPLETION);
        assertThat(assertProblem(nurse.postJson("/api/v1/cases/" + early.id() + "/monitoring", start), 409,
                "not-monitoring-stage").get("currentStage").asText()).isEqualTo("LYMPHODEPLETION");
        assertThat(rows("monitoring_anchor", early)).isZero();
    }

    @Test
    void startingMonitoringRefusesMissingAndImpossibleValuesNamingTheField() {
        TherapyCase c = fixtures.caseAt(centre, Stage.MONITORING);
        String path = "/api/v1/cases/" + c.id() + "/monitoring";
        assertProblem(nurse.postJson(path, Map.of()), 400, "invalid-request", "infusedAt");
        assertProblem(nurse.postJson(path, Map.of()), 400, "invalid-request", "ageYears");
        String infused = now.minus(Duration.ofDays(1)).toString();
        assertProblem(nurse.postJson(path, Map.of("infusedAt", now.plus(Duration.ofHours(1)).toString(), "ageYears", 30)),
                        400, "invalid-request", "infusedAt");
        assertProblem(nurse.postJson(path, Map.of("infusedAt", infused, "ageYears", 121)), 400, "invalid-request", "ageYears");
        assertProblem(nurse.postJson(path, Map.of("infusedAt", infused, "ageYears", 7.5)), 400, "invalid-request", "ageYears");
        assertProblem(nurse.postJson(path, Map.of("infusedAt", infused, "ageYears", 30, "weightKg", 0.4)), 400,
                "invalid-request", "weightKg");
        assertProblem(nurse.postJson(path, Map.of("infusedAt", infused, "ageYears", 30, "weightKg", 350.5)), 400,
                "invalid-request", "weightKg");
        assertProblem(nurse.postJson(path, Map.of("infusedAt", "yesterday", "ageYears", 30)), 400, "unreadable-body",
                "infusedAt");
        assertThat(rows("monitoring_anchor", c)).isZero();
    }

    @Test
    void anUnknownProductOrAnIndicationTheLabelLacksIsRefusedNamingTheField() {
        Map<String, Object> start = Map.of("infusedAt", now.minus(Duration.ofDays(1)).toString(), "ageYears", 30);
        TherapyCase unknownProduct = fixtures.caseAt(centre, Stage.MONITORING, "WONDERCEL", "B_ALL", "US");
        assertProblem(nurse.postJson("/api/v1/cases/" + unknownProduct.id() + "/monitoring", start), 422,
                "not-in-catalogue", "productCode");
        TherapyCase wrongIndication = fixtures.caseAt(centre, Stage.MONITORING, "KYMRIAH", "MCL", "US");
        assertProblem(nurse.postJson("/api/v1/cases/" + wrongIndication.id() + "/monitoring", start), 422,
                "not-in-catalogue", "indication");
        TherapyCase unknownIndication = fixtures.caseAt(centre, Stage.MONITORING, "KYMRIAH", "GLIOMA", "US");
        assertProblem(nurse.postJson("/api/v1/cases/" + unknownIndication.id() + "/monitoring", start), 422,
                "not-in-catalogue", "indication");
        assertThat(rows("monitoring_anchor", unknownProduct) + rows("monitoring_anchor", wrongIndication)
                + rows("monitoring_anchor", unknownIndication)).isZero();
    }

    /** One bad field at a time: the answer names it and no assessment, episode or alert is written. */
    @Test
    void badAssessmentInputIsRefusedWithTheFieldAndNothingIsStored() {
        TherapyCase adult = fixtures.monitored(centre, now.minus(Duration.ofDays(2)), 40, "80");
        TherapyCase child = fixtures.monitored(centre, now.minus(Duration.ofDays(2)), 6, "20");
        Instant at = now.minus(Duration.ofMinutes(10));
        record Bad(TherapyCase c, Map<String, Object> body, int status, String type, String field) {
        }
        List<Bad> cases = List.of(
                new Bad(adult, with(Assessments.adult(at).json(), "temperatureCelsius", 29.9),
                        400, "invalid-request", "temperatureCelsius"),
                new Bad(adult, with(Assessments.adult(at).json(), "temperatureCelsius", 45.1),
                        400, "invalid-request", "temperatureCelsius"),
                new Bad(adult, with(Assessments.adult(at).json(), "oxygenFlowLitresPerMinute", 2),
                        400, "invalid-request", "oxygenFlowLitresPerMinute"),
                new Bad(adult, with(Assessments.adult(at).oxygen(OxygenDevice.FACEMASK, null).json(), "oxygenFlowLitresPerMinute", -1),
                        400, "invalid-request", "oxygenFlowLitresPerMinute"),
                new Bad(adult, Assessments.adult(at).oxygen(OxygenDevice.NASAL_CANNULA, null).json(),
                        400, "invalid-request", "oxygenFlowLitresPerMinute"),
                new Bad(adult, with(Assessments.adult(at).json(), "iceItems",
                        Map.of("orientation", 5, "naming", 3, "followsCommands", 1, "writing", 1, "attention", 1)),
                        400, "invalid-request", "iceItems.orientation"),
                new Bad(adult, with(Assessments.adult(at).json(), "iceItems",
                        Map.of("orientation", 4, "naming", -1, "followsCommands", 1, "writing", 1, "attention", 1)),
                        400, "invalid-request", "iceItems.naming"),
                new Bad(adult, with(Assessments.adult(at).json(), "iceItems",
                        Map.of("orientation", 4, "naming", 3, "followsCommands", 1.5, "writing", 1, "attention", 1)),
                        400, "invalid-request", "iceItems.followsCommands"),
                new Bad(adult, with(Assessments.adult(at).json(), "iceItems",
                        Map.of("orientation", 4, "naming", 3)),
                        400, "invalid-request", "iceItems.writing"),
                new Bad(adult, Assessments.adult(at).capd(answers(8)).json(), 422, "wrong-assessment-tool", "iceItems"),
                new Bad(child, Assessments.child(at).capd(answers(7)).json(), 400, "invalid-request", "capdAnswers"),
                new Bad(child, Assessments.child(at).capd(answers(9)).json(), 400, "invalid-request", "capdAnswers"),
                new Bad(child, with(Assessments.child(at).json(), "capdAnswers",
                        List.of("NEVER", "NEVER", "NEVER", "NEVER", "NEVER", "NEVER", "NEVER", "MAYBE")),
                        400, "invalid-request", "capdAnswers[7]"),
                new Bad(child, Assessments.adult(at).json(), 422, "wrong-assessment-tool", "capdAnswers"),
                new Bad(adult, without(Assessments.adult(at).json(), "iceItems"),
                        422, "wrong-assessment-tool", "iceItems"),
                new Bad(adult, without(Assessments.adult(at).json(), "consciousness"),
                        400, "invalid-request", "consciousness"),
                new Bad(adult, without(Assessments.adult(at).json(), "assessedAt"),
                        400, "invalid-request", "assessedAt"),
                new Bad(adult, without(Assessments.adult(at).json(), "hypotension"),
                        400, "invalid-request", "hypotension"),
                new Bad(adult, with(Assessments.adult(at).json(), "oxygenDevice", "HELMET"),
                        400, "invalid-request", "oxygenDevice"),
                new Bad(adult, with(Assessments.adult(at).json(), "vasopressors", List.of("NOREPINEPHRINE", "TEA")),
                        400, "invalid-request", "vasopressors[1]"),
                new Bad(adult, with(Assessments.adult(at).json(), "heartRatePerMinute", 400),
                        400, "invalid-request", "heartRatePerMinute"),
                new Bad(adult, with(with(Assessments.adult(at).json(), "systolicMmHg", 80), "diastolicMmHg", 90),
                        400, "invalid-request", "diastolicMmHg"),
                new Bad(adult, with(Assessments.adult(at).json(), "assessedAt", now.plus(Duration.ofHours(1)).toString()),
                        400, "invalid-request", "assessedAt"),
                new Bad(adult, with(Assessments.adult(at).json(), "assessedAt", now.minus(Duration.ofDays(3)).toString()),
                        400, "invalid-request", "assessedAt"),
                new Bad(adult, with(Assessments.adult(at).json(), "temperatureCelsius", "hot"),
                        400, "unreadable-body", "temperatureCelsius"));
        for (Bad bad : cases) {
            assertProblem(nurse.postJson("/api/v1/cases/" + bad.c().id() + "/assessments", bad.body()), bad.status(),
                    bad.type(), bad.field());
        }
        assertProblem(nurse.send("POST", "/api/v1/cases/" + adult.id() + "/assessments", "application/json", "{"), 400,
                "unreadable-body");
        assertProblem(nurse.postJson("/api/v1/cases/" + adult.id() + "/assessments", Map.of()), 400, "invalid-request",
                "temperatureCelsius");
        for (TherapyCase c : List.of(adult, child)) {
            assertThat(rows("monitoring_assessment", c)).isZero();
            assertThat(rows("monitoring_alert", c)).isZero();
            assertThat(rows("monitoring_episode", c)).isZero();
        }
    }

    @Test
    void assessmentsAreTakenOnlyFromInfusionToTheEndOfFollowUp() {
        TherapyCase early = fixtures.caseAt(centre, Stage.LYMPHODEPLETION);
        assertThat(assertProblem(nurse.postJson("/api/v1/cases/" + early.id() + "/assessments",
                Assessments.adult(now).json()), 409, "not-monitoring-stage").get("currentStage").asText())
                .isEqualTo("LYMPHODEPLETION");
        TherapyCase notStarted = fixtures.caseAt(centre, Stage.MONITORING);
        assertProblem(nurse.postJson("/api/v1/cases/" + notStarted.id() + "/assessments", Assessments.adult(now).json()),
                        409, "monitoring-not-started");
        TherapyCase followUp = fixtures.monitored(centre, now.minus(Duration.ofDays(30)), 30, null);
        journey.advance(Actor.system("test"), followUp.id(), Stage.FOLLOW_UP, null);
        assertThat(nurse.postJson("/api/v1/cases/" + followUp.id() + "/assessments", Assessments.adult(now).json())
                .statusCode()).isEqualTo(201);
        journey.advance(Actor.system("test"), followUp.id(), Stage.COMPLETED, null);
        assertProblem(nurse.postJson("/api/v1/cases/" + followUp.id() + "/assessments", Assessments.adult(now).json()),
                        409, "not-monitoring-stage");
        assertThat(rows("monitoring_assessment", followUp)).isEqualTo(1);
    }

    @Test
    void onlyTheTreatingCentreSeesMonitoringEveryoneElseGets404() {
        TherapyCase c = fixtures.monitored(centre, now.minus(Duration.ofDays(1)), 30, "70");
        nurse.postJson("/api/v1/cases/" + c.id() + "/assessments", Assessments.adult(now).json());
        UUID assessmentId = jdbc.sql("select id from monitoring_assessment where case_id = ?").param(c.id().value())
                .query(UUID.class).single();
        UUID novartis = organisations.directory().stream().filter(o -> o.kind() == OrganisationKind.MANUFACTURER)
                .filter(o -> o.name().contains("Novartis")).findFirst().orElseThrow().id().value();
        journey.addParty(Actor.system("test"), c.id(), new org.cartpath.shared.OrganisationId(novartis),
                PartyRole.MANUFACTURER);
        MonitoringFixtures.Centre other = fixtures.centre();
        Http otherNurse = Http.signedIn(port, other.nurse().username(), IdentityFixtures.PASSWORD);
        Http referrer = Http.signedIn(port, centre.referrer().username(), IdentityFixtures.PASSWORD);
        Http manufacturer = Http.token(port, NOVARTIS_TOKEN);
        for (Http outsider : List.of(otherNurse, referrer, manufacturer)) {
            assertProblem(outsider.postJson("/api/v1/cases/" + c.id() + "/assessments", Assessments.adult(now).json()),
                    404, "not-found");
            assertProblem(outsider.get("/api/v1/cases/" + c.id() + "/monitoring"), 404, "not-found");
            assertProblem(outsider.get("/api/v1/cases/" + c.id() + "/assessments"), 404, "not-found");
            assertProblem(outsider.get("/api/v1/assessments/" + assessmentId), 404, "not-found");
            assertProblem(outsider.get("/api/v1/cases/" + c.id() + "/tocilizumab"), 404, "not-found");
            assertProblem(outsider.postJson("/api/v1/cases/" + c.id() + "/tocilizumab-doses",
                    Map.of("givenAt", now.toString(), "doseMg", 560)), 404, "not-found");
            assertProblem(outsider.postJson("/api/v1/assessments/" + assessmentId + "/corrections",
                    Map.of("reason", "mine now", "assessment", Assessments.adult(now).json())), 404, "not-found");
        }
        Http pharmacist = Http.signedIn(port, centre.pharmacist().username(), IdentityFixtures.PASSWORD);
        assertProblem(pharmacist.postJson("/api/v1/cases/" + c.id() + "/assessments", Assessments.adult(now).json()),
                        403, "forbidden");
        assertThat(pharmacist.get("/api/v1/cases/" + c.id() + "/monitoring").statusCode()).isEqualTo(200);
        assertThat(rows("monitoring_assessment", c)).isEqualTo(1);
    }

    @Test
    void aCorrectionIsANewVersionWithAReasonAndOnlyTheCurrentVersionCanBeCorrected() {
        TherapyCase c = fixtures.monitored(centre, now.minus(Duration.ofDays(3)), 30, "70");
        Instant at = now.minus(Duration.ofHours(1));
        JsonNode first = Http.json(nurse.postJson("/api/v1/cases/" + c.id() + "/assessments",
                Assessments.adult(at).temperature("39.2").json()));
        assertThat(first.get("crsGrade").asInt()).isEqualTo(1);
        String path = "/api/v1/assessments/" + first.get("id").asText() + "/corrections";

        assertProblem(nurse.postJson(path, Map.of("assessment", Assessments.adult(at).temperature("38.2").json())), 400,
                "invalid-request", "reason");
        HttpResponse<String> corrected = nurse.postJson(path, Map.of("reason", "Typed 39.2 for 37.2",
                "assessment", Assessments.adult(at).temperature("37.2").json()));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        JsonNode second = Http.json(corrected);
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("seriesId").asText()).isEqualTo(first.get("id").asText());
        assertThat(second.get("correctsId").asText()).isEqualTo(first.get("id").asText());
        assertThat(second.get("correctionReason").asText()).isEqualTo("Typed 39.2 for 37.2");
        assertThat(second.get("crsGrade").asInt()).isZero();

        assertProblem(nurse.postJson(path, Map.of("reason", "again", "assessment", Assessments.adult(at).json())), 409,
                "stale-version");
        JsonNode versions = Http.json(nurse.get("/api/v1/assessments/" + second.get("id").asText() + "/versions"));
        assertThat(versions.valueStream().map(v -> v.get("version").asInt())).containsExactly(1, 2);
        assertThat(versions.get(0).get("current").asBoolean()).isFalse();
        JsonNode list = Http.json(nurse.get("/api/v1/cases/" + c.id() + "/assessments"));
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("version").asInt()).isEqualTo(2);
        assertThat(Http.json(nurse.get("/api/v1/cases/" + c.id() + "/monitoring/episodes"))).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TOXICITY_ASSESSMENT_CORRECTED'"
                + " and entity_id = ?").param(second.get("id").asText()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void episodesHaveOnsetHighestGradeAndResolutionAndRegistryWindowsTheirHighestGrade() {
        TherapyCase c = fixtures.monitored(centre, now.minus(Duration.ofDays(6)), 30, "70");
        Instant day1 = now.minus(Duration.ofDays(5));
        record Step(String temperature, OxygenDevice device, String flow) {
        }
        List<Step> steps = List.of(new Step("37.0", OxygenDevice.NONE, null), new Step("38.5", OxygenDevice.NONE, null),
                new Step("39.0", OxygenDevice.FACEMASK, null), new Step("37.1", OxygenDevice.NONE, null),
                new Step("38.4", OxygenDevice.NONE, null));
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            assertThat(nurse.postJson("/api/v1/cases/" + c.id() + "/assessments", Assessments.adult(day1
                    .plus(Duration.ofDays(i))).temperature(s.temperature()).oxygen(s.device(), s.flow()).json())
                    .statusCode()).isEqualTo(201);
        }
        JsonNode episodes = Http.json(nurse.get("/api/v1/cases/" + c.id() + "/monitoring/episodes"));
        assertThat(episodes).hasSize(2);
        assertThat(episodes.get(0).get("highestGrade").asInt()).isEqualTo(3);
        assertThat(episodes.get(0).get("onsetAt").asText()).isEqualTo(day1.plus(Duration.ofDays(1)).toString());
        assertThat(episodes.get(0).get("resolvedAt").asText()).isEqualTo(day1.plus(Duration.ofDays(3)).toString());
        assertThat(episodes.get(1).get("highestGrade").asInt()).isEqualTo(1);
        assertThat(episodes.get(1).get("resolvedAt").isNull()).isTrue();
        JsonNode windows = Http.json(nurse.get("/api/v1/cases/" + c.id() + "/monitoring/registry-windows"));
        assertThat(windows.get(0).get("label").asText()).isEqualTo("Day 0 to day 100");
        assertThat(windows.get(0).get("highestCrsGrade").asInt()).isEqualTo(3);
        assertThat(windows.get(0).get("highestIcansGrade").asInt()).isZero();
        assertThat(windows.get(0).get("assessments").asInt()).isEqualTo(5);
    }

    @Test
    void aRepeatedRequestWithTheSameIdempotencyKeyRecordsOneAssessment() {
        TherapyCase c = fixtures.monitored(centre, now.minus(Duration.ofDays(1)), 30, "70");
        Map<String, Object> body = Assessments.adult(now).temperature("38.6").json();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        HttpResponse<String> first = nurse.sendJson("POST", "/api/v1/cases/" + c.id() + "/assessments", body, key);
        HttpResponse<String> replay = nurse.sendJson("POST", "/api/v1/cases/" + c.id() + "/assessments", body, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(rows("monitoring_assessment", c)).isEqualTo(1);
        assertThat(rows("monitoring_alert", c)).isEqualTo(1);
    }

    @Test
    void aNewWeightIsRecordedWithItsDateAndBadWeightsAreRefused() {
        TherapyCase c = fixtures.monitored(centre, now.minus(Duration.ofDays(2)), 9, "29.9");
        String path = "/api/v1/cases/" + c.id() + "/monitoring/weights";
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        assertProblem(nurse.postJson(path, Map.of("weightKg", 0.4, "measuredOn", today)), 400, "invalid-request", "weightKg");
        assertProblem(nurse.postJson(path, Map.of("weightKg", 351, "measuredOn", today)), 400, "invalid-request", "weightKg");
        assertProblem(nurse.postJson(path, Map.of("weightKg", 30)), 400, "invalid-request", "measuredOn");
        assertProblem(nurse.postJson(path, Map.of("weightKg", 30, "measuredOn", "2999-01-01")), 400, "invalid-request",
                "measuredOn");
        assertThat(rows("monitoring_weight", c)).isEqualTo(1);
        assertThat(nurse.postJson(path, Map.of("weightKg", 30, "measuredOn", today)).statusCode()).isEqualTo(201);
        JsonNode tocilizumab = Http.json(nurse.get("/api/v1/cases/" + c.id() + "/tocilizumab"));
        assertThat(tocilizumab.get("doseMg").decimalValue()).isEqualByComparingTo("240");
        assertThat(tocilizumab.get("mgPerKg").asInt()).isEqualTo(8);
    }

    private static CapdAnswer[] answers(int n) {
        CapdAnswer[] answers = new CapdAnswer[n];
        java.util.Arrays.fill(answers, CapdAnswer.SOMETIMES);
        return answers;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.remove(field);
        return changed;
    }
}

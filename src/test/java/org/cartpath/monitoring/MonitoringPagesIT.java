package org.cartpath.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The monitoring pages over HTTP: forms refuse bad input with an error summary and store nothing; scoping. */
@CartpathIntegrationTest
class MonitoringPagesIT {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    int port;

    @Autowired
    MonitoringFixtures fixtures;

    @Autowired
    MonitoringManagement monitoring;

    @Autowired
    JdbcClient jdbc;

    MonitoringFixtures.Centre centre;
    Http nurse;
    Instant now;

    @BeforeEach
    void aCentre() {
        centre = fixtures.centre();
        nurse = Http.signedIn(port, centre.nurse().username(), IdentityFixtures.PASSWORD);
        now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    }

    private static String local(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneId.of("Europe/London")).format(LOCAL);
    }

    private long assessments(TherapyCase c) {
        return jdbc.sql("select count(*) from monitoring_assessment where case_id = ?").param(c.id().value())
                .query(Long.class).single();
    }

    /** The form of a well adult: every required control filled. */
    private Map<String, String> adultForm() {
        Map<String, String> form = new HashMap<>();
        form.put("assessedAt", local(now.minus(Duration.ofMinutes(5))));
        form.put("temperatureCelsius", "36.9");
        form.put("oxygenDevice", "NONE");
        form.put("iceOrientation", "4");
        form.put("iceNaming", "3");
        form.put("iceFollowsCommands", "1");
        form.put("iceWriting", "1");
        form.put("iceAttention", "1");
        form.put("consciousness", "AWAKENS_SPONTANEOUSLY");
        form.put("seizure", "NONE");
        form.put("cerebralEdema", "NONE");
        return form;
    }

    private static Map<String, String> with(Map<String, String> form, String field, String value) {
        Map<String, String> changed = new HashMap<>(form);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    @Test
    void theAssessmentFormShowsTheRightToolAndSavesAndShowsTheGradesWithReasons() {
        TherapyCase c = fixtures.monitored(centre, now.minus(Duration.ofDays(3)), 40, "70");
        HttpResponse<String> form = nurse.get("/cases/" + c.id() + "/assessments/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("ICANS is assessed with <strong>ICE</strong>").contains("name=\"iceOrientation\"")
                .doesNotContain("name=\"capd1\"");
        Map<String, String> fields = with(with(adultForm(), "temperatureCelsius", "39.1"), "hypotension", "true");
        HttpResponse<String> saved = nurse.postForm("/cases/" + c.id() + "/assessments", fields);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> shown = nurse.get(java.net.URI.create(location).getPath());
        assertThat(shown.body()).contains("CRS grade 2").contains("hypotension not needing vasopressors")
                .contains("No ICANS").contains("The assessment has been saved and graded.");

        TherapyCase child = fixtures.monitored(centre, now.minus(Duration.ofDays(3)), 6, "20");
        assertThat(nurse.get("/cases/" + child.id() + "/assessments/new").body())
                .contains("ICANS is assessed with <strong>CAPD</strong>").contains("name=\"capd8\"")
                .doesNotContain("name=\"iceOrientation\"");
    }

    @Test
    void badFormInputShowsTheErrorSummaryAndStoresNothing() {
        TherapyCase c = fixtures.monitored(centre, now.minus(Duration.ofDays(3)), 40, "70");
        record Bad(Map<String, String> form, String message) {
        }
        List<Bad> cases = List.of(
                new Bad(with(adultForm(), "temperatureCelsius", "29"), "Temperature: must be between 30 and 45"),
                new Bad(with(adultForm(), "temperatureCelsius", "hot"), "Temperature: must be a number"),
                new Bad(with(adultForm(), "temperatureCelsius", null), "Temperature: is required"),
                new Bad(with(adultForm(), "oxygenFlowLitresPerMinute", "3"), "Oxygen flow: must be empty or 0"),
                new Bad(with(with(adultForm(), "oxygenDevice", "FACEMASK"), "oxygenFlowLitresPerMinute", "-2"),
                        "Oxygen flow: must be 0 or more"),
                new Bad(with(adultForm(), "oxygenDevice", "NASAL_CANNULA"), "Oxygen flow: is required on a nasal cannula"),
                new Bad(with(adultForm(), "iceOrientation", "7"), "ICE orientation: must be between 0 and 4"),
                new Bad(with(adultForm(), "iceNaming", ""), "ICE naming: is required"),
                new Bad(with(adultForm(), "consciousness", null), "Level of consciousness: is required"),
                new Bad(with(adultForm(), "assessedAt", "26/11/2026"), "Date and time of the assessment: must be a date"),
                new Bad(with(adultForm(), "assessedAt", local(now.plus(Duration.ofHours(2)))), "must not be in the future"),
                new Bad(with(adultForm(), "capd1", "NEVER"), "ICE"),
                new Bad(with(adultForm(), "vasopressors", "COFFEE"), "Vasopressors: must be one of"));
        for (Bad bad : cases) {
            HttpResponse<String> response = nurse.postForm("/cases/" + c.id() + "/assessments", bad.form());
            assertThat(response.statusCode()).as(bad.message()).isEqualTo(200);
            assertThat(response.body()).as(bad.message()).contains("There is a problem").contains(bad.message());
        }
        TherapyCase child = fixtures.monitored(centre, now.minus(Duration.ofDays(3)), 6, "20");
        Map<String, String> childForm = with(adultForm(), "iceOrientation", null);
        for (String item : List.of("iceNaming", "iceFollowsCommands", "iceWriting", "iceAttention")) {
            childForm.remove(item);
        }
        for (int i = 1; i <= 7; i++) {
            childForm.put("capd" + i, "NEVER");
        }
        assertThat(nurse.postForm("/cases/" + child.id() + "/assessments", childForm).body())
                .contains("CAPD question 8: is required");
        assertThat(assessments(c) + assessments(child)).isZero();
    }

    @Test
    void theCasePageShowsTheMonitoringPanelToTheCentreOnly() {
        TherapyCase c = fixtures.monitored(centre, now.minus(Duration.ofDays(4)), 7, "20");
        monitoring.recordAssessment(centre.nurseActor(), c.id(), Assessments.child(now.minus(Duration.ofMinutes(30)))
                .temperature("39.2").hypotension().oxygen(OxygenDevice.NASAL_CANNULA, "2").input());
        HttpResponse<String> page = nurse.get("/cases/" + c.id());
        assertThat(page.body()).contains("Toxicity monitoring").contains("data-testid=\"latest-grades\"")
                .contains("CRS 2").contains("Record an assessment").contains("Dose for")
                .contains("Decision support only");
        Http referrer = Http.signedIn(port, centre.referrer().username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> referrerPage = referrer.get("/cases/" + c.id());
        assertThat(referrerPage.statusCode()).isEqualTo(200);
        assertThat(referrerPage.body()).doesNotContain("data-testid=\"monitoring-panel\"").doesNotContain("CRS 2")
                .doesNotContain("Record an assessment");
        assertThat(referrer.get("/cases/" + c.id() + "/assessments/new").statusCode()).isEqualTo(404);
        assertThat(referrer.get("/cases/" + c.id() + "/tocilizumab").statusCode()).isEqualTo(404);
        MonitoringFixtures.Centre other = fixtures.centre();
        Http otherNurse = Http.signedIn(port, other.nurse().username(), IdentityFixtures.PASSWORD);
        assertThat(otherNurse.get("/cases/" + c.id() + "/assessments/new").statusCode()).isEqualTo(404);
        assertThat(otherNurse.postForm("/cases/" + c.id() + "/assessments", adultForm()).statusCode()).isEqualTo(404);
        assertThat(otherNurse.get("/monitoring").body()).doesNotContain(c.reference());
        Http manufacturer = Http.signedIn(port, "manufacturer", "cartpath-demo");
        assertThat(manufacturer.get("/monitoring").statusCode()).isEqualTo(403);
        assertThat(manufacturer.get("/cases/" + c.id() + "/tocilizumab").statusCode()).isEqualTo(404);
        assertThat(assessments(c)).isEqualTo(1);
    }

    @Test
    void theRecordedAssessmentNamesTheDeviceAndTheFindingsInWordsNotCodes() {
        TherapyCase c = fixtures.monitored(centre, now.minus(Duration.ofDays(3)), 7, "20");
        RecordedAssessment recorded = monitoring.recordAssessment(centre.nurseActor(), c.id(),
                Assessments.child(now.minus(Duration.ofMinutes(30))).temperature("39.2").hypotension()
                        .oxygen(OxygenDevice.NASAL_CANNULA, "2").input());
        String page = nurse.get("/assessments/" + recorded.id()).body();
        assertThat(page).contains("Nasal cannula (low flow), 2 L/min").contains("Awake, or wakes spontaneously")
                .contains("No seizure").doesNotContain("NASAL_CANNULA").doesNotContain("AWAKENS_SPONTANEOUSLY")
                .doesNotContain(">NONE").doesNotContain("· NONE");
    }

    @Test
    void theBoardListsPatientsFromDayZeroToDay28WithWhatIsDue() {
        TherapyCase recent = fixtures.monitored(centre, now.minus(Duration.ofDays(4)), 7, "20");
        monitoring.recordAssessment(centre.nurseActor(), recent.id(), Assessments.child(now.minus(Duration.ofHours(3)))
                .temperature("37.4").input());
        monitoring.recordAssessment(centre.nurseActor(), recent.id(), Assessments.child(now.minus(Duration.ofMinutes(30)))
                .temperature("38.7").input());
        TherapyCase old = fixtures.monitored(centre, now.minus(Duration.ofDays(40)), 30, null);
        HttpResponse<String> board = nurse.get("/monitoring");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains(recent.reference()).doesNotContain(old.reference())
                .contains("Max 38.7 °C in 24 h").contains("cartpath-sparkline").contains("Daily monitoring");
        HttpResponse<String> home = nurse.get("/");
        assertThat(home.body()).contains("data-testid=\"panel-WARD_NURSE\"").contains(recent.reference());
        Http coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        assertThat(coordinator.get("/").body()).contains("data-testid=\"panel-COORDINATOR\"")
                .contains("data-testid=\"panel-COORDINATOR-2\"").contains("Monitoring alerts");
    }

    @Test
    void startWeightTocilizumabAndStockFormsRefuseBadInput() {
        TherapyCase infused = fixtures.caseAt(centre, Stage.INFUSED);
        HttpResponse<String> start = nurse.postForm("/cases/" + infused.id() + "/monitoring/start",
                Map.of("infusedAt", "", "ageYears", "seven"));
        assertThat(start.body()).contains("There is a problem").contains("Date and time of the infusion: is required")
                .contains("Age: must be a number");
        assertThat(nurse.postForm("/cases/" + infused.id() + "/monitoring/start", Map.of("infusedAt",
                local(now.minus(Duration.ofHours(3))), "ageYears", "7", "weightKg", "400")).body())
                .contains("Weight: must be between 0.5 and 350 kg");
        HttpResponse<String> started = nurse.postForm("/cases/" + infused.id() + "/monitoring/start", Map.of("infusedAt",
                local(now.minus(Duration.ofHours(3))), "ageYears", "7", "weightKg", "21"));
        assertThat(started.statusCode()).isEqualTo(302);

        assertThat(nurse.postForm("/cases/" + infused.id() + "/monitoring/weight", Map.of("weightKg", "0.2",
                "measuredOn", "2026-01-01")).body()).contains("Weight: must be between 0.5 and 350 kg");
        Http consultant = Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD);
        assertThat(consultant.postForm("/cases/" + infused.id() + "/tocilizumab", Map.of("givenAt",
                local(now.minus(Duration.ofHours(1))), "doseMg", "252")).statusCode()).isEqualTo(302);
        HttpResponse<String> tooEarly = consultant.postForm("/cases/" + infused.id() + "/tocilizumab", Map.of("givenAt",
                local(now), "doseMg", "252"));
        assertThat(tooEarly.body()).contains("There is a problem").contains("at least 8 hours between doses")
                .contains("The earliest allowed time is");
        assertThat(consultant.postForm("/cases/" + infused.id() + "/tocilizumab", Map.of("givenAt", local(now),
                "doseMg", "252", "override", "true", "overrideReason", "", "overridePassword", "x")).body())
                .contains("Reason for the override: is required");
        assertThat(consultant.postForm("/cases/" + infused.id() + "/tocilizumab/stock", Map.of("dosesOnSite", "-3"))
                .body()).contains("Doses on site: must be between 0 and 50");
        assertThat(jdbc.sql("select count(*) from monitoring_tocilizumab_dose where case_id = ?")
                .param(infused.id().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theCorrectionFormIsFilledFromTheAssessmentAndNeedsAReason() {
        TherapyCase c = fixtures.monitored(centre, now.minus(Duration.ofDays(3)), 40, "70");
        RecordedAssessment first = monitoring.recordAssessment(centre.nurseActor(), c.id(),
                Assessments.adult(now.minus(Duration.ofHours(2))).temperature("39.2").input());
        HttpResponse<String> form = nurse.get("/assessments/" + first.id() + "/correction");
        assertThat(form.body()).contains("Correct an assessment").contains("value=\"39.2\"")
                .contains("Reason for the correction");
        Map<String, String> fields = with(adultForm(), "assessedAt", local(now.minus(Duration.ofHours(2))));
        assertThat(nurse.postForm("/assessments/" + first.id() + "/correction", fields).body())
                .contains("There is a problem").contains("Reason: is required");
        HttpResponse<String> saved = nurse.postForm("/assessments/" + first.id() + "/correction",
                with(fields, "reason", "Typed 39.2 for 36.9"));
        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> shown = nurse.get(java.net.URI.create(saved.headers().firstValue("Location").orElseThrow())
                .getPath());
        assertThat(shown.body()).contains("data-testid=\"versions\"").contains("Typed 39.2 for 36.9").contains("CRS grade 0");
        assertThat(nurse.postForm("/assessments/" + first.id() + "/correction", with(fields, "reason", "again")).body())
                .contains("There is a problem").contains("corrected since you read it");
        assertThat(assessments(c)).isEqualTo(2);
    }

    @Test
    void acknowledgingOnThePageIsForConsultantsAndCoordinatorsAndHappensOnce() {
        TherapyCase c = fixtures.monitored(centre, now.minus(Duration.ofDays(2)), 40, "70");
        monitoring.recordAssessment(centre.nurseActor(), c.id(), Assessments.adult(now).ice(4, 3, 1, 1, 0).input());
        MonitoringAlert alert = alertsOf(c).get(0);
        String path = "/monitoring/alerts/" + alert.id() + "/acknowledgement";
        assertThat(nurse.postForm(path, Map.of()).statusCode()).isEqualTo(403);
        Http coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> done = coordinator.postForm(path, Map.of("returnTo", "https://evil.example/"));
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/monitoring/alerts");
        assertThat(coordinator.get("/monitoring/alerts").body()).contains("The alert has been acknowledged.");
        HttpResponse<String> again = coordinator.postForm(path, Map.of());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(coordinator.get("/monitoring/alerts").body()).contains("There is a problem")
                .contains("This alert was already acknowledged by " + centre.coordinator().displayName());
        assertThat(coordinator.get("/monitoring/alerts?include=all").body()).contains("data-testid=\"acknowledged-by\"");
    }

    @Test
    void beforeInfusionTheCasePageShowsTheTocilizumabStockCheck() {
        TherapyCase c = fixtures.caseAt(centre, Stage.LYMPHODEPLETION);
        Http pharmacist = Http.signedIn(port, centre.pharmacist().username(), IdentityFixtures.PASSWORD);
        assertThat(pharmacist.get("/cases/" + c.id()).body()).contains("data-testid=\"stock-panel\"")
                .contains("No requirement in the catalogue").contains("Tocilizumab on site");
        assertThat(pharmacist.postForm("/cases/" + c.id() + "/tocilizumab/stock", Map.of("dosesOnSite", "2"))
                .statusCode()).isEqualTo(302);
        assertThat(pharmacist.get("/cases/" + c.id() + "/tocilizumab").body()).contains("2 on site")
                .doesNotContain("Record a dose given");
    }

    @Test
    void theMonitoringEndpointsAreInTheOpenApiDocument() {
        tools.jackson.databind.JsonNode paths = Http.json(Http.browser(port).get("/api/v1/openapi")).get("paths");
        for (String path : List.of("/api/v1/cases/{id}/monitoring", "/api/v1/cases/{id}/assessments",
                "/api/v1/assessments/{id}/corrections", "/api/v1/cases/{id}/tocilizumab-doses",
                "/api/v1/cases/{id}/tocilizumab-stock", "/api/v1/cases/{id}/steroid-guidance",
                "/api/v1/monitoring-alerts/{id}/acknowledgement", "/api/v1/monitoring-board",
                "/api/v1/cases/{id}/monitoring/registry-windows")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    @Autowired
    MonitoringAlerts alerts;

    private List<MonitoringAlert> alertsOf(TherapyCase c) {
        return alerts.alertsOfCase(centre.consultantActor(), c.id());
    }
}

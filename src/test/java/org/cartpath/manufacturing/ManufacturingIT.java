package org.cartpath.manufacturing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.custody.ChainOfIdentity;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.Stage;
import org.cartpath.journey.StageTasks;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** ADR 0012 over the API: reports, release with a certificate, checks, OOS route, acceptance, failures. */
@CartpathIntegrationTest
class ManufacturingIT {

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChainOfIdentity chainOfIdentity;

    private Http as(org.cartpath.identity.UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private static String path(World world, String rest) {
        return "/api/v1/cases/" + world.therapyCase().id() + rest;
    }

    private static Map<String, Object> certificate(String lot, String dose, String viability) {
        Map<String, Object> body = new HashMap<>();
        body.put("lotNumber", lot);
        body.put("doseCells", new BigDecimal(dose));
        body.put("viabilityPercent", new BigDecimal(viability));
        body.put("volumeMl", 10);
        body.put("bags", 1);
        body.put("expiresOn", "2027-11-26");
        return body;
    }

    private Stage stage(World world) {
        return journey.get(org.cartpath.shared.Actor.system("test"), world.therapyCase().id()).therapyCase().stage();
    }

    @Test
    void theStoryReceivedStartedReleasedCheckedAndAcceptedByQa() {
        World world = cases.caseAt(Stage.COLLECTED, new BigDecimal("24"));
        Http manufacturer = as(world.operator());
        HttpResponse<String> received = manufacturer.postJson(path(world, "/manufacturing-reports"),
                Map.of("status", "MATERIAL_RECEIVED", "expectedReleaseOn", journey.today().plusDays(28).toString()));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        assertThat(stage(world)).isEqualTo(Stage.IN_MANUFACTURING);
        assertThat(manufacturer.postJson(path(world, "/manufacturing-reports"), Map.of("status", "MANUFACTURING_STARTED",
                "expectedReleaseOn", journey.today().plusDays(31).toString())).statusCode()).isEqualTo(201);

        // the story: 1.1 × 10^8 CAR-positive viable T cells, viability 86%, for a 24 kg child
        HttpResponse<String> released = manufacturer.postJson(path(world, "/product-lots"),
                certificate("LOT-A1", "110000000", "86"));
        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
        assertThat(stage(world)).isEqualTo(Stage.RELEASED);

        Http qa = as(world.qa());
        assertThat(Http.json(qa.postJson(path(world, "/product-lots/latest/acceptance"), Map.of("password",
                IdentityFixtures.PASSWORD))).get("type").asText()).isEqualTo("/problems/lot-not-checked");
        JsonNode checked = Http.json(qa.postJson(path(world, "/product-lots/latest/check"), Map.of()));
        JsonNode assessment = checked.get("assessments").get(0);
        assertThat(assessment.get("result").asText()).isEqualTo("PASSED");
        assertThat(assessment.get("weightKg").decimalValue()).isEqualByComparingTo("24");
        assertThat(assessment.get("labelVersionId").asText()).startsWith("KYMRIAH-UK");

        HttpResponse<String> wrongPassword = qa.postJson(path(world, "/product-lots/latest/acceptance"),
                Map.of("password", "wrong"));
        assertThat(wrongPassword.statusCode()).isEqualTo(422);
        HttpResponse<String> accepted = qa.postJson(path(world, "/product-lots/latest/acceptance"),
                Map.of("password", IdentityFixtures.PASSWORD));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(Http.json(accepted).get("decisions").get(0).get("kind").asText()).isEqualTo("QA_ACCEPTANCE");
        assertThat(qa.postJson(path(world, "/product-lots/latest/acceptance"), Map.of("password",
                IdentityFixtures.PASSWORD)).statusCode()).as("accepting twice").isEqualTo(409);

        JsonNode overview = Http.json(as(world.coordinator()).get("/api/v1/manufacturing/overview"));
        JsonNode line = overview.get(0);
        assertThat(line.get("therapyCase").get("reference").asText()).isEqualTo(world.therapyCase().reference());
        // slippage is measured from the booking's planned release to the latest date the manufacturer gave
        java.time.LocalDate planned = java.time.LocalDate.parse(line.get("plannedRelease").asText());
        assertThat(line.get("slippageDays").asLong())
                .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(planned, journey.today().plusDays(31)));
    }

    @Test
    void qasTaskOpensAtReleaseAndClosesWhenQaAcceptsTheLotSoTheWorklistMovesOn() {
        World world = cases.caseAt(Stage.IN_MANUFACTURING, new BigDecimal("24"));
        assertThat(as(world.operator()).postJson(path(world, "/product-lots"), certificate("LOT-Q1", "110000000", "86"))
                .statusCode()).isEqualTo(201);
        assertThat(openTasks(world)).contains(StageTasks.QA_ACCEPTANCE);

        Http qa = as(world.qa());
        assertThat(qa.postJson(path(world, "/product-lots/latest/check"), Map.of()).statusCode()).isEqualTo(200);
        assertThat(openTasks(world)).as("checking is not accepting").contains(StageTasks.QA_ACCEPTANCE);
        HttpResponse<String> accepted = qa.postJson(path(world, "/product-lots/latest/acceptance"),
                Map.of("password", IdentityFixtures.PASSWORD));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(openTasks(world)).doesNotContain(StageTasks.QA_ACCEPTANCE);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CASE_TASK_CLOSED' and entity_id = ?")
                .param(world.therapyCase().id().toString()).query(Long.class).single()).isGreaterThanOrEqualTo(1);

        JsonNode worklist = Http.json(as(world.coordinator()).get("/api/v1/worklist?q="
                + world.therapyCase().reference()));
        assertThat(worklist.get("items").get(0).path("nextTask").path("title").asText())
                .isNotEqualTo(StageTasks.QA_ACCEPTANCE);
    }

    private List<String> openTasks(World world) {
        return journey.tasks(org.cartpath.shared.Actor.system("test"), world.therapyCase().id()).stream()
                .filter(CaseTask::isOpen).map(CaseTask::title).toList();
    }

    @Test
    void aDoseAboveTheRangeForTheWeightMakesTheLotOutOfSpecificationUntilTheConsultantAndASecondQaSign() {
        World world = cases.caseAt(Stage.IN_MANUFACTURING, new BigDecimal("24"));
        as(world.operator()).postJson(path(world, "/product-lots"), certificate("LOT-B1", "130000000", "86"));
        Http qa = as(world.qa());
        JsonNode checked = Http.json(qa.postJson(path(world, "/product-lots/latest/check"), Map.of()));
        assertThat(checked.get("assessments").get(0).get("result").asText()).isEqualTo("OUT_OF_SPECIFICATION");
        HttpResponse<String> refused = qa.postJson(path(world, "/product-lots/latest/acceptance"),
                Map.of("password", IdentityFixtures.PASSWORD));
        assertThat(Http.json(refused).get("type").asText()).isEqualTo("/problems/out-of-specification-decision-required");

        Http consultant = as(world.consultant());
        HttpResponse<String> missingRoute = consultant.postJson(path(world, "/product-lots/latest/out-of-specification-decision"),
                Map.of("password", IdentityFixtures.PASSWORD, "reason", "no alternative"));
        assertThat(missingRoute.statusCode()).isEqualTo(400);
        HttpResponse<String> decided = consultant.postJson(path(world, "/product-lots/latest/out-of-specification-decision"),
                Map.of("password", IdentityFixtures.PASSWORD, "route", "EXCEPTIONAL_RELEASE",
                        "reason", "rapidly progressive disease; no alternative"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(qa.postJson(path(world, "/product-lots/latest/acceptance"), Map.of("password", IdentityFixtures.PASSWORD))
                .statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from electronic_signature where record_type = 'ProductLot' and record_id = ?")
                .param(Http.json(decided).get("id").asText()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aFailureNeedingNewCellsSendsTheCaseBackToBookingAndIsCounted() {
        World world = cases.caseAt(Stage.IN_MANUFACTURING, new BigDecimal("30"));
        Http manufacturer = as(world.operator());
        HttpResponse<String> noReason = manufacturer.postJson(path(world, "/manufacturing-reports"), Map.of("status", "FAILED"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(Http.json(noReason).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("failureReason", "resolution");
        assertThat(stage(world)).isEqualTo(Stage.IN_MANUFACTURING);
        HttpResponse<String> failed = manufacturer.postJson(path(world, "/manufacturing-reports"),
                Map.of("status", "FAILED", "failureReason", "POOR_GROWTH", "resolution", "RE_COLLECTION"));
        assertThat(failed.statusCode()).isEqualTo(201);
        assertThat(stage(world)).isEqualTo(Stage.SLOT_BOOKED);
        assertThat(journey.tasks(org.cartpath.shared.Actor.system("t"), world.therapyCase().id()))
                .anyMatch(task -> task.isOpen() && task.title().contains("new collection"));
        long counted = jdbc.sql("select count(*) from manufacturing_report where case_id = ? and status = 'FAILED'")
                .param(world.therapyCase().id().value()).query(Long.class).single();
        assertThat(counted).isEqualTo(1);

        // counted for the outcomes: the centre's cases, the manufacturer's own reports, all for commissioners
        String failures = "/api/v1/manufacturing/failures";
        assertThat(Http.json(as(world.coordinator()).get(failures)).get("POOR_GROWTH").asLong()).isEqualTo(1);
        assertThat(Http.json(as(world.coordinator()).get(failures)).get("LOW_VIABILITY").asLong()).isZero();
        assertThat(Http.json(manufacturer.get(failures)).get("POOR_GROWTH").asLong()).isEqualTo(1);
        World elsewhere = cases.caseAt(Stage.IN_MANUFACTURING, new BigDecimal("30"));
        assertThat(Http.json(as(elsewhere.coordinator()).get(failures)).get("POOR_GROWTH").asLong())
                .as("another centre").isZero();
        assertThat(Http.json(as(elsewhere.operator()).get(failures)).get("POOR_GROWTH").asLong())
                .as("another manufacturer").isZero();
        assertThat(Http.json(Http.signedIn(port, "analyst", "cartpath-demo").get(failures)).get("POOR_GROWTH").asLong())
                .as("commissioners count every centre").isGreaterThanOrEqualTo(1);
        assertThat(as(world.referrer()).get(failures).statusCode()).isEqualTo(403);
    }

    @Test
    void refusesBadInputOtherOrganisationsAndOutOfOrderReportsWritingNothing() {
        World world = cases.caseAt(Stage.IN_MANUFACTURING, new BigDecimal("24"));
        World other = cases.caseAt(Stage.IN_MANUFACTURING, new BigDecimal("24"));
        Http manufacturer = as(world.operator());
        long before = lots();
        Map<String, Object> bad = certificate("", "-5", "101");
        bad.put("bags", 0);
        bad.put("chainOfIdentity", "&/XX");
        HttpResponse<String> invalid = manufacturer.postJson(path(world, "/product-lots"), bad);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(Http.json(invalid).get("errors").findValuesAsString("field"))
                .contains("lotNumber", "doseCells", "viabilityPercent", "bags", "chainOfIdentity");
        assertThat(manufacturer.postJson(path(world, "/manufacturing-reports"), Map.of("status", "SHIPPED")).statusCode())
                .isEqualTo(400);
        assertThat(manufacturer.postJson(path(world, "/manufacturing-reports"), Map.of("status", "RELEASED")).statusCode())
                .isEqualTo(400);
        assertThat(manufacturer.postJson(path(world, "/manufacturing-reports"), Map.of("status", "IN_QC",
                "expectedReleaseOn", journey.today().minusDays(1).toString())).statusCode()).isEqualTo(400);
        // another manufacturer's case does not exist for this one
        assertThat(manufacturer.postJson(path(other, "/product-lots"), certificate("LOT-X", "110000000", "86")).statusCode())
                .isEqualTo(404);
        // a referring hospital cannot report manufacturing
        assertThat(as(world.referrer()).postJson(path(world, "/manufacturing-reports"), Map.of("status", "IN_QC"))
                .statusCode()).isEqualTo(403);
        assertThat(lots()).isEqualTo(before);

        assertThat(manufacturer.postJson(path(world, "/product-lots"), certificate("LOT-C1", "110000000", "86")).statusCode())
                .isEqualTo(201);
        HttpResponse<String> again = manufacturer.postJson(path(world, "/product-lots"), certificate("LOT-C2", "110000000", "86"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("currentStage").asText()).isEqualTo("RELEASED");
        // the manufacturer sees the case pseudonymised: no patient id in anything it reads
        HttpResponse<String> lots = manufacturer.get(path(world, "/product-lots"));
        assertThat(lots.body()).doesNotContain(world.patientId().toString());
        assertThat(manufacturer.get("/api/v1/cases/" + world.therapyCase().id()).body())
                .doesNotContain(world.patientId().toString());
        // a manufacturer cannot check or accept; the centre's QA of another centre cannot either
        assertThat(manufacturer.postJson(path(world, "/product-lots/latest/check"), Map.of()).statusCode()).isEqualTo(403);
        assertThat(as(other.qa()).postJson(path(world, "/product-lots/latest/check"), Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void aReleaseForAnotherCasesChainOfIdentityIsRefusedRecordedAndChangesNothing() {
        World world = cases.caseAt(Stage.IN_MANUFACTURING, new BigDecimal("24"));
        World other = cases.caseAt(Stage.IN_MANUFACTURING, new BigDecimal("24"));
        ChainOfIdentityId own = chainOfIdentity.allocate(world.actor(world.coordinator()), world.therapyCase().id());
        ChainOfIdentityId anothers = chainOfIdentity.allocate(other.actor(other.coordinator()), other.therapyCase().id());
        Http manufacturer = as(world.operator());
        Map<String, Object> wrong = certificate("LOT-COI-1", "110000000", "86");
        wrong.put("chainOfIdentity", anothers.barcodeData());
        HttpResponse<String> refused = manufacturer.postJson(path(world, "/product-lots"), wrong);
        JsonNode problem = org.cartpath.testing.ProblemAssertions.assertProblem(refused, 422, "lot-coi-mismatch",
                "chainOfIdentity");
        assertThat(problem.get("detail").asText()).contains(own.eyeReadable(), anothers.eyeReadable());
        assertThat(stage(world)).isEqualTo(Stage.IN_MANUFACTURING);
        assertThat(jdbc.sql("select count(*) from product_lot where case_id = ?").param(world.therapyCase().id().value())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PRODUCT_LOT_RELEASE_REFUSED' and entity_id = ?")
                .param(world.therapyCase().id().toString()).query(Long.class).single()).isEqualTo(1);

        Map<String, Object> right = certificate("LOT-COI-1", "110000000", "86");
        right.put("chainOfIdentity", own.barcodeData());
        assertThat(manufacturer.postJson(path(world, "/product-lots"), right).statusCode()).isEqualTo(201);
        assertThat(stage(world)).isEqualTo(Stage.RELEASED);
    }

    @Test
    void aReplayedReleaseWithTheSameIdempotencyKeyHasOneEffect() {
        World world = cases.caseAt(Stage.IN_MANUFACTURING, new BigDecimal("24"));
        Http manufacturer = as(world.operator());
        Map<String, String> key = Map.of("Idempotency-Key", "release-" + System.nanoTime());
        HttpResponse<String> first = manufacturer.sendJson("POST", path(world, "/product-lots"),
                certificate("LOT-R1", "110000000", "86"), key);
        HttpResponse<String> replay = manufacturer.sendJson("POST", path(world, "/product-lots"),
                certificate("LOT-R1", "110000000", "86"), key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("select count(*) from product_lot where case_id = ?").param(world.therapyCase().id().value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theCasePageShowsTheLotAndItsCheck() {
        World world = cases.caseAt(Stage.IN_MANUFACTURING, null);
        as(world.operator()).postJson(path(world, "/product-lots"), certificate("LOT-P1", "110000000", "86"));
        Http qa = as(world.qa());
        qa.postJson(path(world, "/product-lots/latest/check"), Map.of());
        HttpResponse<String> page = qa.get("/cases/" + world.therapyCase().id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Lot LOT-P1", "Check incomplete", "No weight is on record");
        List<String> forms = List.of("Sign and accept");
        assertThat(page.body()).contains(forms);
    }

    @Test
    void theCertificateOfAnalysisIsAPageInWordsWithCellCountsAsTheLabelPrintsThem() {
        World world = cases.caseAt(Stage.IN_MANUFACTURING, null);
        Http qa = as(world.qa());
        String certificatePage = "/cases/" + world.therapyCase().id() + "/certificate-of-analysis";
        assertThat(qa.get(certificatePage).statusCode()).as("no lot released yet").isEqualTo(404);
        as(world.operator()).postJson(path(world, "/product-lots"), certificate("LOT-C1", "110000000", "86"));
        qa.postJson(path(world, "/product-lots/latest/check"), Map.of());

        assertThat(qa.get("/cases/" + world.therapyCase().id()).body()).contains(certificatePage);
        HttpResponse<String> page = qa.get(certificatePage);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("Certificate of analysis", "Lot LOT-C1", "1.1 × 10⁸", "86%", "10 mL",
                        "26 Nov 2027", "Check incomplete", "Not decided", "Not yet")
                .doesNotContain("110000000").doesNotContain(">UNKNOWN<").doesNotContain(">INCOMPLETE<");

        World other = cases.caseAt(Stage.IN_MANUFACTURING, null);
        assertThat(as(other.qa()).get(certificatePage).statusCode()).as("another centre's case").isEqualTo(404);
    }

    private long lots() {
        return jdbc.sql("select count(*) from product_lot").query(Long.class).single();
    }
}

package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelPrint;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two-person checks on two devices, over the pages: each person is a separate
 * signed-in HTTP client, as two people at two workstations. The first starts the check, scans and signs; the check
 * then waits on the home page and the case page of everyone who may witness it, with those roles named; the witness
 * completes it in their own session. And QA's queue of identity hard stops, on QA's home and the alerts page, with
 * QA's reason shown to the person who co-signs the override.
 */
@CartpathIntegrationTest
class TwoDeviceVerificationIT {

    private static final String COLLECTION_WITNESSES = "May be witnessed by: apheresis nurse, cell-therapy laboratory";

    @LocalServerPort
    int port;

    @Autowired
    CustodyFixtures fixtures;

    @Autowired
    LabelPrinting printing;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    World world;
    CustodyScenario scenario;
    Http nurse;

    @BeforeEach
    void aLabelledBag() {
        world = fixtures.world();
        scenario = new CustodyScenario(port, world, fixtures.caseAt(world, Stage.SLOT_BOOKED), printing);
        nurse = scenario.person(world.nurse());
    }

    @Test
    void theFirstPersonSignsOnTheirDeviceAndTheWitnessFindsTheCheckOnTheirHomeAndCasePageAndCompletesItOnTheirs() {
        String check = openOnThePage(nurse);
        Http lab = scenario.person(world.lab());
        Http secondNurse = scenario.person(world.secondNurse());
        assertThat(lab.get("/").body()).as("not yet signed by the first person").doesNotContain(checkLink(check));

        scanAndSignOnThePage(nurse, check);
        HttpResponse<String> labHome = lab.get("/");
        assertThat(labHome.statusCode()).isEqualTo(200);
        assertThat(labHome.body()).contains("data-testid=\"witness-queue\"", checkLink(check), COLLECTION_WITNESSES,
                "Collection check of DIN " + scenario.bagLabel.din().eyeReadable(), scenario.therapyCase.reference(),
                "SMITH, Jane", "first check signed by " + world.nurse().displayName());
        assertThat(secondNurse.get("/").body()).contains(checkLink(check), COLLECTION_WITNESSES);
        assertThat(nurse.get("/").body()).as("the first signer is not asked to witness their own check")
                .doesNotContain(checkLink(check));

        String casePage = lab.get("/cases/" + scenario.therapyCase.id()).body();
        assertThat(casePage).contains("data-testid=\"witness-check\"", checkLink(check), COLLECTION_WITNESSES);
        String checkPage = lab.get(checkLink(check)).body();
        assertThat(checkPage).contains(COLLECTION_WITNESSES + ".", "Second check", "data-testid=\"scan-form\"");

        HttpResponse<String> completed = scanAndSignOnThePage(lab, check);
        assertThat(completed.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + scenario.therapyCase.id());
        Map<String, Object> row = jdbc.sql("select status, first_user_id::text as first, second_user_id::text as second "
                + "from custody_verification where id = ?::uuid").param(check).query().singleRow();
        assertThat(row).containsEntry("status", "COMPLETED").containsEntry("first", world.nurse().id().toString())
                .containsEntry("second", world.lab().id().toString());
        assertThat(journey.get(world.actor(world.coordinator()), scenario.therapyCase.id()).therapyCase().stage())
                .isEqualTo(Stage.COLLECTED);
        assertThat(secondNurse.get("/").body()).as("a completed check leaves every queue").doesNotContain(checkLink(check));
    }

    @Test
    void someoneWithoutAWitnessingRoleOrFromAnotherCentreDoesNotSeeTheCheckInTheirQueueAndIsRefused() {
        String check = openOnThePage(nurse);
        scanAndSignOnThePage(nurse, check);
        Http ward = scenario.person(world.wardNurse());
        Http coordinator = scenario.person(world.coordinator());
        for (Http other : List.of(ward, coordinator, scenario.person(world.qa()))) {
            assertThat(other.get("/").body()).doesNotContain(checkLink(check)).doesNotContain("witness-queue");
        }
        String casePage = coordinator.get("/cases/" + scenario.therapyCase.id()).body();
        assertThat(casePage).contains("Collection check waiting for a second person", COLLECTION_WITNESSES)
                .doesNotContain("data-testid=\"witness-check\"").doesNotContain(checkLink(check));
        String checkPage = ward.get(checkLink(check)).body();
        assertThat(checkPage).contains("data-testid=\"may-not-take-part\"", COLLECTION_WITNESSES)
                .doesNotContain("data-testid=\"scan-form\"");
        assertThat(ward.postForm(checkLink(check) + "/scans", Map.of("scanned", scenario.wristband())).statusCode())
                .isEqualTo(403);
        assertThat(ward.postForm(checkLink(check) + "/signatures", Map.of("password", IdentityFixtures.PASSWORD))
                .statusCode()).isEqualTo(403);

        World elsewhere = fixtures.world();
        Http otherCentre = scenario.person(elsewhere.secondNurse());
        assertThat(otherCentre.get("/").body()).doesNotContain(checkLink(check));
        assertThat(otherCentre.get(checkLink(check)).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from custody_scan where verification_id = ?::uuid and actor_id <> ?")
                .params(check, world.nurse().id().toString()).query(Integer.class).single()).isZero();
        assertThat(status(check)).isEqualTo("OPEN");
    }

    @Test
    void theFirstSignerCannotWitnessTheirOwnCheckFromASecondSession() {
        String check = openOnThePage(nurse);
        scanAndSignOnThePage(nurse, check);
        Http sameNurseElsewhere = scenario.person(world.nurse());
        assertThat(sameNurseElsewhere.get("/").body()).doesNotContain(checkLink(check));
        String page = sameNurseElsewhere.get(checkLink(check)).body();
        assertThat(page).contains("Waiting for a second person").doesNotContain("data-testid=\"scan-form\"")
                .doesNotContain("data-testid=\"sign-form\"");
        HttpResponse<String> scan = sameNurseElsewhere.postForm(checkLink(check) + "/scans",
                Map.of("scanned", scenario.wristband()));
        assertThat(scan.statusCode()).isEqualTo(422);
        assertThat(scan.body()).contains("a different person must make the second");
        HttpResponse<String> sign = sameNurseElsewhere.postForm(checkLink(check) + "/signatures",
                Map.of("password", IdentityFixtures.PASSWORD));
        assertThat(sign.statusCode()).isEqualTo(422);
        assertThat(sign.body()).contains("a different person must make the second");
        assertThat(status(check)).isEqualTo("OPEN");
        assertThat(jdbc.sql("select second_user_id from custody_verification where id = ?::uuid").param(check)
                .query(String.class).optional().orElse(null)).isNull();
    }

    @Test
    void qasHomeAndTheAlertsPageListAnOpenHardStopAndTheCoSignerSeesQasReasonBeforeSigning() {
        Http qa = scenario.person(world.qa());
        Http coordinator = scenario.person(world.coordinator());
        assertThat(qa.get("/").body()).contains("data-testid=\"hard-stop-queue\"", "No identity hard stops are open");
        assertThat(coordinator.get("/custody/alerts").body()).contains("No identity hard stops are open");

        TherapyCase otherCase = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        LabelPrint otherBag = printing.newCollection(world.actor(world.nurse()), otherCase.id(), "Apheresis unit");
        String check = openOnThePage(nurse);
        assertThat(nurse.postForm(checkLink(check) + "/scans", Map.of("scanned", scenario.wristband())).statusCode())
                .isEqualTo(302);
        assertThat(nurse.postForm(checkLink(check) + "/scans", Map.of("scanned", otherBag.coi().barcodeData()))
                .statusCode()).isEqualTo(422);
        String stop = jdbc.sql("select id::text from custody_scan where case_id = ? and outcome = 'MISMATCH'")
                .param(scenario.therapyCase.id().value()).query(String.class).single();
        String stopLink = "/custody/hard-stops/" + stop;

        assertThat(qa.get("/").body()).contains("data-testid=\"open-hard-stop\"", stopLink,
                scenario.therapyCase.reference(), "SMITH, Jane", "scanned by " + world.nurse().displayName())
                .doesNotContain("No identity hard stops are open");
        HttpResponse<String> alerts = coordinator.get("/custody/alerts");
        assertThat(alerts.statusCode()).isEqualTo(200);
        assertThat(alerts.body()).contains("data-testid=\"alert-hard-stop\"", stopLink, scenario.therapyCase.reference(),
                "Expected COI " + scenario.bagLabel.coi().eyeReadable());
        assertThat(scenario.person(fixtures.world().qa()).get("/").body()).as("another centre's QA")
                .doesNotContain(stopLink);

        String reason = "Bag of the next bay picked up by mistake and returned; the right bag is on the trolley";
        assertThat(qa.postForm(stopLink + "/override", Map.of("reason", reason, "password", IdentityFixtures.PASSWORD))
                .statusCode()).isEqualTo(302);
        assertThat(qa.get("/").body()).contains(stopLink, "override signed by " + world.qa().displayName());
        String coSignerPage = nurse.get(stopLink).body();
        assertThat(coSignerPage).contains("data-testid=\"override-reason\"", reason, "data-testid=\"co-sign-form\"");
        assertThat(coSignerPage.indexOf(reason)).as("the reason is read before the co-signature form")
                .isLessThan(coSignerPage.indexOf("data-testid=\"co-sign-form\""));

        assertThat(nurse.postForm(stopLink + "/co-signature", Map.of("password", IdentityFixtures.PASSWORD)).statusCode())
                .isEqualTo(302);
        assertThat(qa.get("/").body()).doesNotContain(stopLink).contains("No identity hard stops are open");
        assertThat(coordinator.get("/custody/alerts").body()).doesNotContain(stopLink)
                .contains("No identity hard stops are open");
    }

    private String openOnThePage(Http person) {
        HttpResponse<String> opened = person.postForm("/cases/" + scenario.therapyCase.id() + "/verifications",
                Map.of("itemId", scenario.bagId(), "step", "COLLECTION"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
        return opened.headers().firstValue("Location").orElseThrow().replaceAll(".*/verifications/", "");
    }

    /** Scans wristband, bag COI and DIN on the scan page and signs there; returns the signature's answer. */
    private HttpResponse<String> scanAndSignOnThePage(Http person, String check) {
        for (String scanned : List.of(scenario.wristband(), scenario.coi(), scenario.din())) {
            HttpResponse<String> scan = person.postForm(checkLink(check) + "/scans", Map.of("scanned", scanned));
            assertThat(scan.statusCode()).as(scan.body()).isEqualTo(302);
        }
        HttpResponse<String> signed = person.postForm(checkLink(check) + "/signatures",
                Map.of("password", IdentityFixtures.PASSWORD));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(302);
        return signed;
    }

    private String status(String check) {
        return jdbc.sql("select status from custody_verification where id = ?::uuid").param(check).query(String.class).single();
    }

    private static String checkLink(String check) {
        return "/verifications/" + check;
    }
}

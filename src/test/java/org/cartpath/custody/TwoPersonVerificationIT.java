package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

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
import org.cartpath.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Two different people, each scanning and each signing; a wrong patient's bag stops everything. */
@CartpathIntegrationTest
class TwoPersonVerificationIT {

    @LocalServerPort
    int port;

    @Value("${cartpath.test.database}")
    String database;

    @Autowired
    CustodyFixtures fixtures;

    @Autowired
    LabelPrinting printing;

    @Autowired
    CaseJourney journey;

    @Autowired
    ChainOfCustody chainOfCustody;

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

    private Stage stage(TherapyCase c) {
        return journey.get(world.actor(world.coordinator()), c.id()).therapyCase().stage();
    }

    @Test
    void twoDifferentPeopleCompleteTheCollectionCheckAndTheCaseMovesToCollected() {
        String check = scenario.openCollectionCheck(nurse);
        HttpResponse<String> early = scenario.sign(nurse, check);
        assertProblem(early, 422, "scans-missing");
        assertThat(scenario.checkAndSign(nurse, check).statusCode()).isEqualTo(200);
        assertThat(stage(scenario.therapyCase)).isEqualTo(Stage.SLOT_BOOKED);
        HttpResponse<String> completed = scenario.checkAndSign(scenario.person(world.secondNurse()), check);
        assertThat(Http.json(completed).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(stage(scenario.therapyCase)).isEqualTo(Stage.COLLECTED);
        List<String> meanings = jdbc.sql("select meaning from electronic_signature where record_id = ? order by signed_at")
                .param(check).query(String.class).list();
        assertThat(meanings).containsExactly("VERIFIED", "WITNESSED");
        JsonNode bag = Http.json(nurse.get("/api/v1/custody-items/" + scenario.bagId()));
        assertThat(bag.get("verified").valueStream().map(JsonNode::asText)).containsExactly("COLLECTION");
        assertThat(bag.get("events").get(1).get("signatures").asInt()).isEqualTo(2);
    }

    @Test
    void theSamePersonTwiceIsRefusedByTheServiceAndByTheDatabase() {
        String check = scenario.openCollectionCheck(nurse);
        scenario.checkAndSign(nurse, check);
        HttpResponse<String> again = scenario.scan(nurse, check, scenario.coi());
        assertProblem(again, 422, "same-person");
        assertProblem(scenario.sign(nurse, check), 422, "same-person");
        JdbcTemplate owner = new JdbcTemplate(TestDatabase.superuser(database));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> owner.update(
                "update custody_verification set second_user_id = first_user_id where id = ?::uuid", check))
                .rootCause().hasMessageContaining("custody_verification_check");
        assertThat(jdbc.sql("select status from custody_verification where id = ?::uuid").param(check).query(String.class)
                .single()).isEqualTo("OPEN");
    }

    @Test
    void aWrongPatientsBagIsAHardStopRecordedWithBothIdentitiesAndStopsEverything() {
        TherapyCase otherCase = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        LabelPrint otherBag = printing.newCollection(world.actor(world.nurse()), otherCase.id(), "Apheresis unit");
        String check = scenario.openCollectionCheck(nurse);
        assertThat(scenario.scan(nurse, check, scenario.wristband()).statusCode()).isEqualTo(201);
        HttpResponse<String> stop = scenario.scan(nurse, check, otherBag.coi().barcodeData());
        JsonNode problem = assertProblem(stop, 422, "identity-mismatch");
        assertThat(problem.get("detail").asText()).contains("STOP", scenario.bagLabel.coi().eyeReadable(),
                otherBag.coi().eyeReadable());
        Map<String, Object> recorded = jdbc.sql("select * from custody_scan where id = ?::uuid").param(problem.get("scanId").asText())
                .query().singleRow();
        assertThat(recorded.get("outcome")).isEqualTo("MISMATCH");
        assertThat(recorded.get("expected")).isEqualTo("COI " + scenario.bagLabel.coi().eyeReadable());
        assertThat(recorded.get("scanned")).isEqualTo(otherBag.coi().barcodeData());
        assertThat(recorded.get("scanned_case_id")).isEqualTo(otherCase.id().value());
        assertThat(recorded.get("actor_name")).isEqualTo(world.nurse().displayName());

        assertThat(chainOfCustody.identityStopped(world.actor(world.coordinator()), scenario.therapyCase.id())).isTrue();
        assertProblem(scenario.scan(nurse, check, scenario.coi()), 409, "hard-stop-open");
        assertProblem(nurse.postJson("/api/v1/custody-items/" + scenario.bagId() + "/events",
                Map.of("type", "STORED", "place", "Freezer", "expectedVersion", 1)), 409, "hard-stop-open");
        assertThat(journey.timeline(world.actor(world.coordinator()), scenario.therapyCase.id()))
                .anyMatch(e -> e.kind().equals("IDENTITY_HARD_STOP"));
    }

    @Test
    void theOtherSymbolUnreadableTextAndAWrongKeyedCheckCharacterAreRecordedButDoNotStop() {
        String check = scenario.openCollectionCheck(nurse);
        assertThat(scenario.scan(nurse, check, scenario.wristband()).statusCode()).isEqualTo(201);
        assertProblem(scenario.scan(nurse, check, scenario.din()), 422, "wrong-symbol");
        char right = scenario.bagLabel.coi().checkCharacter();
        String keyed = scenario.bagLabel.coi().content() + (right == 'A' ? 'B' : 'A');
        JsonNode mistyped = assertProblem(scenario.scan(nurse, check, keyed), 400, "check-character-mismatch");
        assertThat(mistyped.get("detail").asText()).contains("check character does not match", "re-scan", "re-key")
                .doesNotContain("expected " + right)
                .as("the right check character appears nowhere as a character of its own (it may sit inside COI)")
                .doesNotContainPattern("(^|[^A-Za-z0-9])" + java.util.regex.Pattern.quote(String.valueOf(right))
                        + "([^A-Za-z0-9]|$)");
        assertThat(mistyped.toString()).doesNotContain("expected " + right);
        assertProblem(scenario.scan(nurse, check, "9434765919"), 400, "unreadable-identifier");
        assertProblem(scenario.scan(nurse, check, ""), 400, "invalid-request", "scanned");
        assertProblem(nurse.postJson("/api/v1/verifications/" + check + "/scans", Map.of()), 400, "invalid-request", "scanned");
        assertThat(jdbc.sql("select string_agg(outcome, ',' order by scanned_at) from custody_scan where verification_id = ?::uuid")
                .param(check).query(String.class).single()).isEqualTo("MATCH,WRONG_SYMBOL,UNREADABLE,UNREADABLE");
        String keyedRight = scenario.bagLabel.coi().content() + scenario.bagLabel.coi().checkCharacter();
        assertThat(scenario.scan(nurse, check, keyedRight).statusCode()).isEqualTo(201);
        assertThat(chainOfCustody.identityStopped(world.actor(world.coordinator()), scenario.therapyCase.id())).isFalse();
    }

    @Test
    void systemClientsAndOtherOrganisationsCannotTakePartAndAWrongPasswordSignsNothing() {
        String check = scenario.openCollectionCheck(nurse);
        assertProblem(scenario.courier().postJson("/api/v1/verifications/" + check + "/scans", Map.of("scanned", scenario.coi())),
                403, "forbidden");
        assertProblem(Http.token(port, world.manufacturerToken()).postJson("/api/v1/cases/" + scenario.therapyCase.id()
                + "/verifications", Map.of("step", "COLLECTION", "itemId", scenario.bagId())), 403, "forbidden");
        // the booked manufacturer is a party of the case but takes no part in the centre's checks; others see nothing
        assertProblem(scenario.person(world.manufacturerUser()).postJson("/api/v1/verifications/" + check + "/scans",
                Map.of("scanned", scenario.coi())), 403, "forbidden");
        World stranger = fixtures.world();
        assertProblem(scenario.person(stranger.manufacturerUser()).postJson("/api/v1/verifications/" + check + "/scans",
                Map.of("scanned", scenario.coi())), 404, "not-found");
        assertProblem(scenario.person(world.wardNurse()).postJson("/api/v1/verifications/" + check + "/scans",
                Map.of("scanned", scenario.coi())), 403, "forbidden");
        for (String scanned : List.of(scenario.wristband(), scenario.coi(), scenario.din())) {
            scenario.scan(nurse, check, scanned);
        }
        assertProblem(nurse.postJson("/api/v1/verifications/" + check + "/signatures", Map.of("password", "wrong")),
                422, "signature-refused");
        assertThat(jdbc.sql("select first_signature_id from custody_verification where id = ?::uuid").param(check)
                .query(String.class).optional().orElse(null)).isNull();
        assertProblem(nurse.postJson("/api/v1/cases/" + scenario.therapyCase.id() + "/verifications",
                Map.of("step", "BEDSIDE", "itemId", scenario.bagId())), 403, "forbidden");
        assertProblem(scenario.person(world.lab()).postJson("/api/v1/cases/" + scenario.therapyCase.id() + "/verifications",
                Map.of("step", "RECEIPT_AT_CENTRE", "itemId", scenario.bagId())), 422, "wrong-item-kind");
        assertProblem(nurse.postJson("/api/v1/cases/" + scenario.therapyCase.id() + "/verifications",
                Map.of("step", "TWICE", "itemId", scenario.bagId())), 400, "invalid-request", "step");
        assertProblem(nurse.postJson("/api/v1/cases/" + scenario.therapyCase.id() + "/verifications",
                Map.of("step", "COLLECTION")), 400, "invalid-request", "itemId");
    }

    @Test
    void theProductBackAtTheCentreAndAtTheBedsideIsCheckedByTwoPeopleBeforeItCanBeAdministered() {
        ReturnedProduct product = ReturnedProduct.delivered(scenario, fixtures, "DS-BACK-1");
        Http lab = scenario.person(world.lab());
        HttpResponse<String> opened = lab.postJson("/api/v1/cases/" + scenario.therapyCase.id() + "/verifications",
                Map.of("step", "RECEIPT_AT_CENTRE", "itemId", product.bagId()));
        String receipt = Http.json(opened).get("id").asText();
        assertThat(scenario.scan(lab, receipt, scenario.coi()).statusCode()).isEqualTo(201);
        assertThat(scenario.sign(lab, receipt).statusCode()).isEqualTo(200);
        Http secondLab = scenario.person(world.secondLab());
        assertThat(scenario.scan(secondLab, receipt, scenario.coi()).statusCode()).isEqualTo(201);
        assertThat(Http.json(scenario.sign(secondLab, receipt)).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(stage(scenario.therapyCase)).isEqualTo(Stage.RECEIVED);

        Http ward = scenario.person(world.wardNurse());
        String items = "/api/v1/custody-items/" + product.bagId() + "/events";
        assertProblem(ward.postJson(items, Map.of("type", "ADMINISTERED", "place", "Ward 7", "expectedVersion", 5,
                "password", "correct-horse-battery")), 422, "bedside-check-missing");
        assertThat(chainOfCustody.bedsideVerified(world.actor(world.wardNurse()), scenario.therapyCase.id())).isFalse();
        String bedside = Http.json(ward.postJson("/api/v1/cases/" + scenario.therapyCase.id() + "/verifications",
                Map.of("step", "BEDSIDE", "itemId", product.bagId(), "place", "Ward 7"))).get("id").asText();
        for (Http person : List.of(ward, scenario.person(world.consultant()))) {
            assertThat(scenario.scan(person, bedside, scenario.wristband()).statusCode()).isEqualTo(201);
            assertThat(scenario.scan(person, bedside, scenario.coi()).statusCode()).isEqualTo(201);
            assertThat(scenario.sign(person, bedside).statusCode()).isEqualTo(200);
        }
        assertThat(chainOfCustody.bedsideCheck(world.actor(world.wardNurse()), scenario.therapyCase.id()))
                .hasValueSatisfying(c -> assertThat(c.productBag()).isEqualTo("lot LOT-77 bag 1"));
        assertThat(ward.postJson(items, Map.of("type", "THAWED", "place", "Ward 7", "expectedVersion", 6,
                "password", "correct-horse-battery")).statusCode()).isEqualTo(201);
        HttpResponse<String> administered = ward.postJson(items, Map.of("type", "ADMINISTERED", "place", "Ward 7",
                "expectedVersion", 7, "password", "correct-horse-battery"));
        assertThat(administered.statusCode()).as(administered.body()).isEqualTo(201);
        assertThat(Http.json(administered).get("status").asText()).isEqualTo("ADMINISTERED");
    }

    @Test
    void aReceiptIsCheckedOnceButTheBedsideCheckIsRepeatedWhenTheInfusionIsPutOff() {
        ReturnedProduct product = ReturnedProduct.delivered(scenario, fixtures, "DS-BACK-REPEAT");
        Http lab = scenario.person(world.lab());
        Http secondLab = scenario.person(world.secondLab());
        String cases = "/api/v1/cases/" + scenario.therapyCase.id() + "/verifications";
        String receipt = completedCheck(cases, "RECEIPT_AT_CENTRE", product.bagId(), lab, secondLab);
        assertProblem(lab.postJson(cases, Map.of("step", "RECEIPT_AT_CENTRE", "itemId", product.bagId())), 409,
                "already-verified");
        assertThat(receipt).isNotBlank();

        Http ward = scenario.person(world.wardNurse());
        Http consultant = scenario.person(world.consultant());
        String first = completedCheck(cases, "BEDSIDE", product.bagId(), ward, consultant);
        String second = completedCheck(cases, "BEDSIDE", product.bagId(), consultant, ward);
        assertThat(second).isNotEqualTo(first);
        assertThat(chainOfCustody.bedsideCheck(world.actor(world.wardNurse()), scenario.therapyCase.id()))
                .as("treatment reads the latest check").hasValueSatisfying(c -> assertThat(c.verificationId().toString())
                        .isEqualTo(second));
    }

    /** Opens a check of the item and lets both people scan and sign it; the check's id. */
    private String completedCheck(String cases, String step, String itemId, Http first, Http second) {
        HttpResponse<String> opened = first.postJson(cases, Map.of("step", step, "itemId", itemId, "place", "Ward 7"));
        assertThat(opened.statusCode()).as(opened.body()).isIn(200, 201);
        String check = Http.json(opened).get("id").asText();
        for (Http person : List.of(first, second)) {
            if (step.equals("BEDSIDE")) {
                assertThat(scenario.scan(person, check, scenario.wristband()).statusCode()).isEqualTo(201);
            }
            assertThat(scenario.scan(person, check, scenario.coi()).statusCode()).isEqualTo(201);
            assertThat(scenario.sign(person, check).statusCode()).isEqualTo(200);
        }
        assertThat(jdbc.sql("select status from custody_verification where id = ?::uuid").param(check)
                .query(String.class).single()).isEqualTo("COMPLETED");
        return check;
    }

    @Test
    void aReceiptCheckBeforeReleaseIsRefusedByTheJourneyAndChangesNothing() {
        ReturnedProduct product = ReturnedProduct.delivered(scenario, fixtures, "DS-BACK-2");
        journey.end(org.cartpath.shared.Actor.system("test"), scenario.therapyCase.id(), Stage.WITHDRAWN, "test");
        Http lab = scenario.person(world.lab());
        String receipt = Http.json(lab.postJson("/api/v1/cases/" + scenario.therapyCase.id() + "/verifications",
                Map.of("step", "RECEIPT_AT_CENTRE", "itemId", product.bagId()))).get("id").asText();
        scenario.scan(lab, receipt, scenario.coi());
        scenario.sign(lab, receipt);
        Http secondLab = scenario.person(world.secondLab());
        scenario.scan(secondLab, receipt, scenario.coi());
        assertProblem(scenario.sign(secondLab, receipt), 409, "illegal-transition");
        assertThat(jdbc.sql("select status from custody_verification where id = ?::uuid").param(receipt).query(String.class)
                .single()).isEqualTo("OPEN");
        assertThat(Http.json(lab.get("/api/v1/custody-items/" + product.bagId())).get("verified").size()).isZero();
    }
}

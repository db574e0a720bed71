package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.Address;
import org.cartpath.patient.NhsNumber;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.PatientTestData;
import org.cartpath.patient.Sex;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The collection and bedside checks identify the patient (ADR 0006, "The patient's wristband"): the wristband
 * prompt wants the patient's own symbol, matched to the patient's record, so the product bag scanned twice can never
 * complete a check, and a product label or another patient's wristband where the wristband is asked for is a
 * recorded hard stop.
 */
@CartpathIntegrationTest
class PatientWristbandCheckIT {

    @LocalServerPort
    int port;

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

    @Test
    void theBagScannedTwiceCannotCompleteTheCollectionCheckAndTheHardStopIsRecorded() {
        String check = scenario.openCollectionCheck(nurse);
        JsonNode stop = assertProblem(scenario.scan(nurse, check, scenario.coi()), 422, "identity-mismatch");
        assertThat(stop.get("detail").asText()).contains("STOP", "That is a product/bag label, not the patient's"
                + " wristband: scan the wristband on the patient");
        assertThat(stop.get("outcome").asText()).isEqualTo("MISMATCH");
        assertThat(stop.get("expected").asText()).isEqualTo("the wristband of this case's patient");
        Map<String, Object> recorded = jdbc.sql("select * from custody_scan where id = ?::uuid")
                .param(stop.get("scanId").asText()).query().singleRow();
        assertThat(recorded.get("prompt")).isEqualTo("PATIENT_WRISTBAND");
        assertThat(recorded.get("outcome")).isEqualTo("MISMATCH");
        assertThat(recorded.get("scanned")).isEqualTo(scenario.coi());

        // whatever follows, the check cannot be completed: the stop blocks every scan and signature
        assertProblem(scenario.scan(nurse, check, scenario.coi()), 409, "hard-stop-open");
        assertProblem(scenario.sign(nurse, check), 409, "hard-stop-open");
        assertThat(chainOfCustody.identityStopped(world.actor(world.coordinator()), scenario.therapyCase.id())).isTrue();
        assertThat(journey.timeline(world.actor(world.coordinator()), scenario.therapyCase.id()))
                .anyMatch(e -> e.kind().equals("IDENTITY_HARD_STOP"));
        assertThat(status(check)).isEqualTo("OPEN");
        assertThat(stage(scenario.therapyCase)).isEqualTo(Stage.SLOT_BOOKED);
    }

    @Test
    void aDinWhereTheWristbandIsAskedForIsAHardStopToo() {
        String check = scenario.openCollectionCheck(nurse);
        JsonNode stop = assertProblem(scenario.scan(nurse, check, scenario.din()), 422, "identity-mismatch");
        assertThat(stop.get("detail").asText()).contains("That is a product/bag label, not the patient's wristband");
    }

    @Test
    void thePatientsOwnWristbandMatchesAndItsReadOfTheRecordIsLogged() {
        String check = scenario.openCollectionCheck(nurse);
        HttpResponse<String> matched = scenario.scan(nurse, check, scenario.wristband());
        assertThat(matched.statusCode()).as(matched.body()).isEqualTo(201);
        assertThat(Http.json(matched).get("outcome").asText()).isEqualTo("MATCH");
        assertThat(jdbc.sql("select count(*) from data_access where actor_id = ? and entity_id = ? and purpose = ?")
                .params(world.nurse().id().toString(), scenario.therapyCase.patientId().toString(),
                        "Checking the patient's wristband")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherPatientsWristbandIsAHardStopThatNamesNobody() {
        PatientDetails other = new PatientDetails(PatientTestData.nhsNumber(), null, "Oliver", "OTHERCHILD",
                LocalDate.of(2015, 7, 9), Sex.MALE, Address.NONE);
        fixtures.caseAt(world, Stage.SLOT_BOOKED, other);
        String othersWristband = PatientWristbandCode.of(NhsNumber.parse(other.nhsNumber()), other.dateOfBirth())
                .barcodeData();
        String check = scenario.openCollectionCheck(nurse);
        HttpResponse<String> answer = scenario.scan(nurse, check, othersWristband);
        JsonNode stop = assertProblem(answer, 422, "identity-mismatch");
        assertThat(stop.get("detail").asText()).contains("STOP", "That wristband is not this patient's");
        assertThat(answer.body()).doesNotContain(other.nhsNumber()).doesNotContain("OTHERCHILD").doesNotContain("Oliver")
                .doesNotContain("2015").doesNotContain(NhsNumber.parse(other.nhsNumber()).formatted());
        assertThat(chainOfCustody.identityStopped(world.actor(world.coordinator()), scenario.therapyCase.id())).isTrue();
        // nothing names the other patient on the case's record of the stop either
        String timeline = journey.timeline(world.actor(world.coordinator()), scenario.therapyCase.id()).toString();
        assertThat(timeline).doesNotContain(other.nhsNumber()).doesNotContain("OTHERCHILD");
    }

    @Test
    void aWristbandWithTheRightNhsNumberButAnotherDateOfBirthIsAHardStop() {
        PatientDetails patient = fixtures.patientOf(scenario.therapyCase);
        String wrongBirth = PatientWristbandCode.of(NhsNumber.parse(patient.nhsNumber()),
                patient.dateOfBirth().plusDays(1)).barcodeData();
        String check = scenario.openCollectionCheck(nurse);
        assertProblem(scenario.scan(nurse, check, wrongBirth), 422, "identity-mismatch");
    }

    @Test
    void thePatientsWristbandWhereTheBagIsAskedForIsTheWrongSymbolAndPassesNothing() {
        String check = scenario.openCollectionCheck(nurse);
        assertThat(scenario.scan(nurse, check, scenario.wristband()).statusCode()).isEqualTo(201);
        JsonNode wrong = assertProblem(scenario.scan(nurse, check, scenario.wristband()), 422, "wrong-symbol");
        assertThat(wrong.get("detail").asText()).contains("That is a patient's wristband", "the COI on the collection bag");
        assertProblem(scenario.sign(nurse, check), 422, "scans-missing");
        assertThat(chainOfCustody.identityStopped(world.actor(world.coordinator()), scenario.therapyCase.id())).isFalse();
    }

    @Test
    void anUnreadableWristbandIsRefusedWithoutAStop() {
        String check = scenario.openCollectionCheck(nurse);
        JsonNode unreadable = assertProblem(scenario.scan(nurse, check, "PT-N-9434765918-20160314"), 400,
                "unreadable-identifier");
        assertThat(unreadable.get("detail").asText()).contains("NHS number");
        assertThat(chainOfCustody.identityStopped(world.actor(world.coordinator()), scenario.therapyCase.id())).isFalse();
    }

    @Test
    void aPatientWithoutAnNhsNumberWearsAndIsCheckedByTheirHospitalNumber() {
        TherapyCase noNhsNumber = fixtures.caseAt(world, Stage.SLOT_BOOKED, new PatientDetails(null,
                "RJ" + System.nanoTime() % 100000000, "Amira", "HASSAN", LocalDate.of(2017, 2, 3), Sex.FEMALE, Address.NONE));
        CustodyScenario hers = new CustodyScenario(port, world, noNhsNumber, printing);
        String hospitalNumber = fixtures.patientOf(noNhsNumber).localHospitalNumber();
        String form = nurse.get("/cases/" + noNhsNumber.id() + "/labels/patient-wristband/new?bag=" + hers.bagId()).body();
        assertThat(form).contains(hospitalNumber, "HASSAN, Amira");
        HttpResponse<String> printed = nurse.postForm("/cases/" + noNhsNumber.id() + "/labels/patient-wristband", Map.of(
                "bag", hers.bagId(), "patientName", "HASSAN, Amira", "nhsNumber", "", "hospitalNumber", hospitalNumber,
                "dateOfBirth", "2017-02-03"));
        assertThat(printed.statusCode()).as(printed.body()).isEqualTo(302);
        assertThat(jdbc.sql("select patient_hospital_number from custody_label_print where case_id = ? and kind ="
                + " 'PATIENT_WRISTBAND'").param(noNhsNumber.id().value()).query(String.class).single()).isEqualTo(hospitalNumber);
        // another hospital number is refused at printing
        HttpResponse<String> wrong = nurse.postForm("/cases/" + noNhsNumber.id() + "/labels/patient-wristband", Map.of(
                "bag", hers.bagId(), "patientName", "HASSAN, Amira", "hospitalNumber", "XX999", "dateOfBirth", "2017-02-03",
                "reason", "test"));
        assertThat(wrong.statusCode()).isEqualTo(422);

        String check = hers.openCollectionCheck(nurse);
        assertThat(hers.wristband()).isEqualTo("PT-H-" + hospitalNumber + "-20170203");
        HttpResponse<String> matched = hers.scan(nurse, check, hers.wristband());
        assertThat(matched.statusCode()).as(matched.body()).isEqualTo(201);
    }

    @Test
    void theBagScannedTwiceCannotCompleteTheBedsideCheckButTheRealWristbandCan() {
        ReturnedProduct product = ReturnedProduct.delivered(scenario, fixtures, "DS-WRIST-" + System.nanoTime());
        String cases = "/api/v1/cases/" + scenario.therapyCase.id() + "/verifications";
        Http lab = scenario.person(world.lab());
        Http secondLab = scenario.person(world.secondLab());
        String receipt = Http.json(lab.postJson(cases, Map.of("step", "RECEIPT_AT_CENTRE", "itemId", product.bagId())))
                .get("id").asText();
        for (Http person : List.of(lab, secondLab)) {
            assertThat(scenario.scan(person, receipt, scenario.coi()).statusCode()).isEqualTo(201);
            assertThat(scenario.sign(person, receipt).statusCode()).isEqualTo(200);
        }
        Http ward = scenario.person(world.wardNurse());
        Http consultant = scenario.person(world.consultant());
        String bedside = Http.json(ward.postJson(cases, Map.of("step", "BEDSIDE", "itemId", product.bagId(),
                "place", "Ward 7"))).get("id").asText();

        // the real wristband, then the bag: a match at each prompt, by both people
        for (Http person : List.of(ward, consultant)) {
            assertThat(scenario.scan(person, bedside, scenario.wristband()).statusCode()).isEqualTo(201);
            assertThat(scenario.scan(person, bedside, scenario.coi()).statusCode()).isEqualTo(201);
            assertThat(scenario.sign(person, bedside).statusCode()).isEqualTo(200);
        }
        assertThat(chainOfCustody.bedsideVerified(world.actor(world.wardNurse()), scenario.therapyCase.id())).isTrue();

        // the infusion is put off; the next check scans the bag for the wristband: a hard stop, never a bedside check
        String again = Http.json(consultant.postJson(cases, Map.of("step", "BEDSIDE", "itemId", product.bagId(),
                "place", "Ward 7"))).get("id").asText();
        JsonNode stop = assertProblem(scenario.scan(consultant, again, scenario.coi()), 422, "identity-mismatch");
        assertThat(stop.get("detail").asText()).contains("That is a product/bag label, not the patient's wristband");
        assertProblem(scenario.scan(consultant, again, scenario.coi()), 409, "hard-stop-open");
        assertProblem(scenario.sign(consultant, again), 409, "hard-stop-open");
        assertThat(status(again)).isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from custody_scan where verification_id = ?::uuid and outcome = 'MISMATCH'"
                + " and prompt = 'PATIENT_WRISTBAND'").param(again).query(Long.class).single()).isEqualTo(1);
        assertThat(chainOfCustody.identityStopped(world.actor(world.wardNurse()), scenario.therapyCase.id())).isTrue();
    }

    private String status(String verification) {
        return jdbc.sql("select status from custody_verification where id = ?::uuid").param(verification)
                .query(String.class).single();
    }

    private Stage stage(TherapyCase c) {
        return journey.get(world.actor(world.coordinator()), c.id()).therapyCase().stage();
    }
}

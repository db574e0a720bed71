package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.patient.Address;
import org.cartpath.patient.PatientDetails;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Manufacturers and couriers never receive a patient's name, NHS number, date of birth or address (ADR 0009,
 * ADR 0016). Canary values are seeded wherever custody keeps text that could carry them — the wristband's
 * printed identity, a reprint reason, a QA override reason, an event's reason, a scan of the patient's hospital
 * number or of their wristband's symbol — and in a case note written by another module; then every answer the manufacturer's and the courier's
 * systems and people get, successes and refusals, API and pages, is searched for them.
 */
@CartpathIntegrationTest
class PatientIdentityCanaryIT {

    static final String NAME = "Zebedee QUILLFEATHER";
    static final String NHS_NUMBER = "9074833780";
    static final String BIRTH = "1937-07-13";
    static final String ADDRESS = "17 Canary Wharf Lane";
    static final List<String> CANARIES = List.of(NAME, "QUILLFEATHER", NHS_NUMBER, "907 483 3780", BIRTH, "13-Jul-1937",
            "13/07/1937", ADDRESS, "Canary Wharf");

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

    @Test
    void noManufacturerOrCourierAnswerCarriesThePatientsIdentity() {
        World world = fixtures.world();
        CustodyScenario scenario = new CustodyScenario(port, world, fixtures.caseAt(world, Stage.SLOT_BOOKED,
                new PatientDetails(NHS_NUMBER, null, "Zebedee", "QUILLFEATHER", LocalDate.parse(BIRTH),
                        org.cartpath.patient.Sex.MALE, new Address(ADDRESS, null, "London", "E14 5AB"))), printing);
        String caseId = scenario.therapyCase.id().toString();
        journey.note(world.actor(world.coordinator()), scenario.therapyCase.id(), "PATIENT_CONTACT",
                "Spoke to " + NAME + " at " + ADDRESS);
        Http nurse = scenario.person(world.nurse());
        assertThat(nurse.postForm("/cases/" + caseId + "/labels/patient-wristband", Map.of("bag", scenario.bagId(),
                "patientName", NAME, "nhsNumber", NHS_NUMBER, "dateOfBirth", BIRTH)).statusCode()).isEqualTo(302);
        assertThat(nurse.postForm("/cases/" + caseId + "/labels/collection-bag", Map.of("bag", scenario.bagId(),
                "reason", "Reprinted for " + NAME + ", " + ADDRESS)).statusCode()).isEqualTo(302);

        String check = scenario.openCollectionCheck(nurse);
        assertThat(scenario.scan(nurse, check, NHS_NUMBER).statusCode()).isEqualTo(400);
        HttpResponse<String> stop = scenario.scan(nurse, check, "&/CH" + world.centre().fin() + "26ZZZZZZ");
        String stopId = Http.json(stop).get("scanId").asText();
        assertThat(scenario.person(world.qa()).postJson("/api/v1/hard-stops/" + stopId + "/override", Map.of("reason",
                "Bag of " + NAME + " (" + NHS_NUMBER + ", born " + BIRTH + ") mixed up on the trolley", "password",
                IdentityFixtures.PASSWORD)).statusCode()).isEqualTo(201);
        assertThat(scenario.person(world.coordinator()).postJson("/api/v1/hard-stops/" + stopId + "/override/co-signature",
                Map.of("password", IdentityFixtures.PASSWORD)).statusCode()).isEqualTo(200);
        scenario.verifyCollection();
        assertThat(nurse.postJson("/api/v1/custody-items/" + scenario.bagId() + "/events", Map.of("type", "STORED",
                "place", "Freezer 2", "expectedVersion", 2, "reason", "Moved for " + NAME + " of " + ADDRESS))
                .statusCode()).isEqualTo(201);

        List<HttpResponse<String>> answers = new ArrayList<>();
        Http courier = scenario.courier();
        Http maker = scenario.manufacturer();
        Map<String, Object> outbound = scenario.outboundBody("DS-CANARY");
        answers.add(scenario.person(world.lab()).postJson("/api/v1/shipments", outbound));
        scenario.shipmentId = Http.json(answers.get(0)).get("id").asText();
        answers.add(scenario.handOverToCourier(courier, 1, NHS_NUMBER));
        // the patient's wristband symbol scanned at the courier's hand-over: the wrong symbol, and nothing of it echoed
        answers.add(scenario.handOverToCourier(courier, 1, scenario.wristband()));
        answers.add(scenario.handOverToCourier(courier, 1, scenario.coi()));
        answers.add(scenario.depart(1));
        answers.add(scenario.depart(2));
        Instant read = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String readings = "logger_id,read_at,celsius\nL1," + read + ",-180\nL1," + read.plusSeconds(60) + ",-181\n";
        String shipperPath = "/api/v1/shippers/DS-CANARY/temperature-readings";
        answers.add(courier.send("POST", shipperPath, "text/csv", readings));
        answers.add(courier.send("POST", shipperPath, "text/csv", readings + "L1,yesterday,-1\n"));
        answers.add(scenario.receiveAtManufacturer(3, NAME));
        answers.add(scenario.receiveAtManufacturer(3, scenario.wristband()));
        answers.add(scenario.receiveAtManufacturer(3, scenario.coi()));
        answers.add(maker.postJson("/api/v1/custody-items/" + scenario.bagId() + "/events", Map.of("type", "STORED",
                "place", "Cryostore", "expectedVersion", 6)));

        Http makerPerson = scenario.person(world.manufacturerUser());
        Http courierPerson = scenario.person(world.courierUser());
        for (Http reader : List.of(maker, courier, makerPerson, courierPerson)) {
            for (String path : List.of("/api/v1/cases/" + caseId + "/custody", "/api/v1/cases/" + caseId + "/chain-of-identity",
                    "/api/v1/custody-items/" + scenario.bagId(), "/api/v1/shipments/" + scenario.shipmentId,
                    "/api/v1/custody-locations", "/api/v1/custody-alerts", "/api/v1/verifications/" + check,
                    "/api/v1/cases/" + caseId + "/verifications")) {
                answers.add(reader.get(path));
            }
            answers.add(reader.postJson("/api/v1/verifications/" + check + "/scans", Map.of("scanned", NHS_NUMBER)));
            answers.add(reader.postJson("/api/v1/hard-stops/" + stopId + "/override", Map.of("reason", "x", "password", "y")));
        }
        for (Http person : List.of(makerPerson, courierPerson)) {
            for (String page : List.of("/shipments/" + scenario.shipmentId, "/custody/locations", "/custody/alerts",
                    "/cases/" + caseId + "/labels/patient-wristband.pdf", "/cases/" + caseId + "/labels/patient-wristband.png",
                    "/custody/hard-stops/" + stopId, "/verifications/" + check,
                    "/custody-items/" + scenario.bagId() + "/events/new")) {
                answers.add(person.get(page));
            }
        }
        HttpResponse<String> casePage = makerPerson.get("/cases/" + caseId);
        assertThat(casePage.statusCode()).isEqualTo(200);
        assertThat(casePage.body()).contains("data-testid=\"custody-panel\"");

        assertThat(answers).hasSizeGreaterThan(60);
        assertThat(answers).anyMatch(a -> a.statusCode() == 200).anyMatch(a -> a.statusCode() >= 400);
        for (HttpResponse<String> answer : answers) {
            String body = answer.body().toLowerCase(Locale.ROOT);
            for (String canary : CANARIES) {
                assertThat(body).as("%s %s", answer.request().method(), answer.uri()).doesNotContain(canary.toLowerCase(Locale.ROOT));
            }
        }
        String pageBody = casePage.body().toLowerCase(Locale.ROOT);
        for (String canary : List.of(NHS_NUMBER, "907 483 3780", BIRTH, "13-Jul-1937")) {
            assertThat(pageBody).as("custody's panel on the case page").doesNotContain(canary.toLowerCase(Locale.ROOT));
        }
        assertThat(jdbc.sql("select count(*) from custody_label_print where case_id = ?::uuid and patient_name = ?")
                .params(caseId, NAME).query(Long.class).single()).as("the canary is really stored").isEqualTo(1);
    }
}

package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Shipments over the API: registration, hand-over, departure and receipt, and every way to get them wrong. */
@CartpathIntegrationTest
class ShipmentIT {

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

    @BeforeEach
    void aCollectedCase() {
        world = fixtures.world();
        scenario = new CustodyScenario(port, world, fixtures.caseAt(world, Stage.SLOT_BOOKED), printing);
    }

    private long shipments() {
        return jdbc.sql("select count(*) from custody_shipment where case_id = ?").param(scenario.therapyCase.id().value())
                .query(Long.class).single();
    }

    @Test
    void aBagThatWasNotCheckedByTwoPeopleCannotBeShipped() {
        HttpResponse<String> refused = scenario.person(world.lab()).postJson("/api/v1/shipments", scenario.outboundBody("DS-NO-CHECK"));
        assertProblem(refused, 422, "identity-not-verified");
        assertThat(shipments()).isZero();
    }

    @Test
    void registrationRefusesNonsenseMissingFieldsAndOtherOrganisationsIds() {
        scenario.verifyCollection();
        Http lab = scenario.person(world.lab());
        assertProblem(lab.postJson("/api/v1/shipments", Map.of()), 400, "invalid-request", "direction");
        assertProblem(lab.postJson("/api/v1/shipments", Map.of("direction", "SIDEWAYS")), 400, "invalid-request", "direction");
        assertProblem(lab.postJson("/api/v1/shipments", Map.of("direction", "TO_MANUFACTURER")), 400, "invalid-request", "caseId");
        Map<String, Object> body = new HashMap<>(scenario.outboundBody("ds-lower"));
        assertProblem(lab.postJson("/api/v1/shipments", body), 400, "invalid-request", "shipperId");
        body = new HashMap<>(scenario.outboundBody("DS-1"));
        body.put("legs", List.of(Map.of("fromPlace", "A")));
        JsonNode problem = assertProblem(lab.postJson("/api/v1/shipments", body), 400, "invalid-request", "legs[0].toPlace");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asText()))
                .contains("legs[0].courierOrganisationId", "legs[0].expectedDeparture", "legs[0].expectedArrival");
        body = new HashMap<>(scenario.outboundBody("DS-1"));
        body.put("manufacturerOrganisationId", world.courier().id().toString());
        assertProblem(lab.postJson("/api/v1/shipments", body), 400, "invalid-request", "manufacturerOrganisationId");
        body.put("manufacturerOrganisationId", "not-an-id");
        assertProblem(lab.postJson("/api/v1/shipments", body), 400, "invalid-request", "manufacturerOrganisationId");
        body = new HashMap<>(scenario.outboundBody("DS-1"));
        body.put("temperatureProfile", "FRESH");
        assertProblem(lab.postJson("/api/v1/shipments", body), 422, "no-temperature-profile");
        body.put("temperatureProfile", "WARM");
        assertProblem(lab.postJson("/api/v1/shipments", body), 400, "invalid-request", "temperatureProfile");
        body = new HashMap<>(scenario.outboundBody("DS-1"));
        body.put("bagIds", List.of(java.util.UUID.randomUUID().toString()));
        assertProblem(lab.postJson("/api/v1/shipments", body), 404, "not-found");
        CustodyFixtures.World stranger = fixtures.world();
        assertProblem(scenario.person(stranger.lab()).postJson("/api/v1/shipments", scenario.outboundBody("DS-1")), 404, "not-found");
        // the booked manufacturer is a party of the case, but only the centre's staff send its cells
        assertProblem(scenario.manufacturer().postJson("/api/v1/shipments", scenario.outboundBody("DS-1")), 403, "forbidden");
        assertThat(shipments()).isZero();
    }

    @Test
    void theShipTaskClosesWhenTheCourierTakesTheCellsNotWhenTheManufacturerReceivesThem() {
        scenario.verifyCollection();
        assertThat(openTasks()).contains("Ship the cells to the manufacturer");
        scenario.registerOutbound("DS-TASK");
        assertThat(openTasks()).as("registered, still at the centre").contains("Ship the cells to the manufacturer");
        assertThat(scenario.handOverToCourier(scenario.courier(), 1, scenario.coi()).statusCode()).isEqualTo(200);
        assertThat(openTasks()).doesNotContain("Ship the cells to the manufacturer");
        assertThat(journey.get(world.actor(world.coordinator()), scenario.therapyCase.id()).therapyCase().stage())
                .as("the stage moves on at the manufacturer's receipt, as before").isEqualTo(Stage.COLLECTED);
    }

    private List<String> openTasks() {
        return journey.tasks(world.actor(world.coordinator()), scenario.therapyCase.id()).stream()
                .filter(org.cartpath.journey.CaseTask::isOpen).map(org.cartpath.journey.CaseTask::title).toList();
    }

    @Test
    void theCouriersHomeListsTheShipmentToCollectThenInTransitAndAnotherCourierSeesNothing() {
        scenario.verifyCollection();
        scenario.registerOutbound("DS-QUEUE");
        Http courier = scenario.person(world.courierUser());
        String queue = courier.get("/").body();
        assertThat(queue).contains("data-testid=\"courier-queue\"", "Dry shipper DS-QUEUE", "To collect",
                "cells to the manufacturer").doesNotContain("will appear here");
        assertThat(scenario.handOverToCourier(scenario.courier(), 1, scenario.coi()).statusCode()).isEqualTo(200);
        assertThat(scenario.depart(2).statusCode()).isEqualTo(200);
        assertThat(courier.get("/").body()).contains("Dry shipper DS-QUEUE", "In transit");
        CustodyFixtures.World other = fixtures.world();
        assertThat(scenario.person(other.courierUser()).get("/").body()).contains("No shipment is waiting for you")
                .doesNotContain("DS-QUEUE");
    }

    @Test
    void aHandOverFromSomeoneWhoIsNotTheCustodianAndAReceiptOfAShipperNeverShippedAreRefused() {
        scenario.verifyCollection();
        scenario.registerOutbound("DS-RULES");
        String shipment = "/api/v1/shipments/" + scenario.shipmentId;
        assertProblem(scenario.receiveAtManufacturer(1, scenario.coi()), 422, "never-shipped");
        assertProblem(scenario.courier().postJson(shipment + "/hand-overs", Map.of("fromOrganisationId", world.courier().id().toString(),
                "toOrganisationId", world.manufacturer().id().toString(), "place", "Dock", "expectedVersion", 1,
                "scannedIdentifier", scenario.coi())), 422, "not-custodian");
        assertProblem(scenario.manufacturer().postJson(shipment + "/hand-overs", Map.of(
                "fromOrganisationId", world.centre().id().toString(), "toOrganisationId", world.courier().id().toString(),
                "place", "Dock", "expectedVersion", 1, "scannedIdentifier", scenario.coi())), 403, "forbidden");
        assertProblem(scenario.handOverToCourier(scenario.courier(), 7, scenario.coi()), 409, "custody-version-conflict");
        assertProblem(scenario.depart(1), 422, "not-custodian");
        assertProblem(scenario.courier().postJson(shipment + "/departures", Map.of("leg", 2, "expectedVersion", 1)),
                400, "invalid-request", "leg");
        assertProblem(scenario.courier().postJson(shipment + "/hand-overs", Map.of("fromOrganisationId",
                world.centre().id().toString(), "toOrganisationId", world.courier().id().toString(), "place", "Dock",
                "expectedVersion", 1)), 400, "invalid-request", "scannedIdentifier");
        assertThat(jdbc.sql("select count(*) from custody_scan where case_id = ?").param(scenario.therapyCase.id().value())
                .query(Long.class).single()).as("rules are checked before the scan, so none was recorded").isEqualTo(6);
        assertThat(Http.json(scenario.courier().get(shipment)).get("shipperVersion").asInt()).isEqualTo(1);
    }

    @Test
    void theManufacturerScanningAnotherCoiAtReceiptIsAHardStopAndReceivesNothing() {
        scenario.inTransit("DS-WRONG");
        HttpResponse<String> wrong = scenario.receiveAtManufacturer(3, "&/CH" + world.centre().fin() + "26ZZZZZZ");
        JsonNode problem = assertProblem(wrong, 422, "identity-mismatch");
        assertThat(problem.get("expected").asText()).isEqualTo("COI " + scenario.bagLabel.coi().eyeReadable());
        assertThat(jdbc.sql("select count(*) from custody_scan where case_id = ? and outcome = 'MISMATCH' and purpose = 'RECEIPT'")
                .param(scenario.therapyCase.id().value()).query(Long.class).single()).isEqualTo(1);
        assertProblem(scenario.receiveAtManufacturer(3, scenario.coi()), 409, "hard-stop-open");
        JsonNode shipment = Http.json(scenario.manufacturer().get("/api/v1/shipments/" + scenario.shipmentId));
        assertThat(shipment.get("shipperVersion").asInt()).isEqualTo(3);
        assertThat(journey.get(world.actor(world.coordinator()), scenario.therapyCase.id()).therapyCase().stage())
                .isEqualTo(Stage.COLLECTED);
    }

    @Test
    void aReceiptByAnOrganisationThatIsNotTheDestinationIsRefusedAndAnotherCourierSeesNothing() {
        scenario.inTransit("DS-DEST");
        assertProblem(scenario.courier().postJson("/api/v1/shipments/" + scenario.shipmentId + "/receipts", Map.of(
                "place", "Depot", "expectedVersion", 3, "scannedIdentifier", scenario.coi())), 403, "forbidden");
        World other = fixtures.world();
        assertProblem(Http.token(port, other.courierToken()).get("/api/v1/shipments/" + scenario.shipmentId), 404, "not-found");
        assertProblem(Http.token(port, other.courierToken()).postJson("/api/v1/shipments/" + scenario.shipmentId
                + "/receipts", Map.of("place", "Depot", "expectedVersion", 3, "scannedIdentifier", scenario.coi())), 404, "not-found");
    }

    @Test
    void theProductIsShippedBackOnlyAfterReleaseAndOnlyByTheManufacturerThatMadeIt() {
        scenario.inTransit("DS-MADE");
        assertThat(scenario.receiveAtManufacturer(3, scenario.coi()).statusCode()).isEqualTo(200);
        Map<String, Object> back = ReturnedProduct.returnBody(scenario, "DS-BACK-9");
        assertProblem(scenario.manufacturer().postJson("/api/v1/shipments", back), 409, "not-released");
        fixtures.advance(scenario.therapyCase, Stage.RELEASED);
        World kite = fixtures.world();
        assertProblem(Http.token(port, kite.manufacturerToken()).postJson("/api/v1/shipments", back), 404, "not-found");
        Map<String, Object> duplicateBags = new HashMap<>(back);
        duplicateBags.put("productBags", List.of(Map.of("lot", "L1", "bagNumber", 1), Map.of("lot", "L1", "bagNumber", 1)));
        assertProblem(scenario.manufacturer().postJson("/api/v1/shipments", duplicateBags), 400, "invalid-request",
                "productBags[1].bagNumber");
        HttpResponse<String> registered = scenario.manufacturer().postJson("/api/v1/shipments", back);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(Http.json(registered).get("destination").get("name").asText()).isEqualTo(world.centre().name());
    }
}

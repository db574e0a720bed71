package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import tools.jackson.databind.JsonNode;

/** The whole way of the cells to the manufacturer, through the API, and what each party sees of it. */
@CartpathIntegrationTest
class ChainOfCustodyFlowIT {

    @LocalServerPort
    int port;

    @Autowired
    CustodyFixtures fixtures;

    @Autowired
    LabelPrinting printing;

    @Autowired
    CaseJourney journey;

    World world;
    CustodyScenario scenario;

    @BeforeEach
    void aBookedCaseWithALabelledBag() {
        world = fixtures.world();
        scenario = new CustodyScenario(port, world, fixtures.caseAt(world, Stage.SLOT_BOOKED), printing);
    }

    private Stage stage() {
        return journey.get(world.actor(world.coordinator()), scenario.therapyCase.id()).therapyCase().stage();
    }

    @Test
    void theCellsGoFromTheCentreThroughTheCourierToTheManufacturerAndEachHolderIsOnRecord() {
        scenario.verifyCollection();
        assertThat(stage()).isEqualTo(Stage.COLLECTED);
        JsonNode shipment = scenario.registerOutbound("DS-FLOW-1");
        assertThat(shipment.get("shipperVersion").asInt()).isEqualTo(1);
        assertThat(shipment.get("temperatureProfile").get("maxCelsius").decimalValue()).isEqualByComparingTo("-150");

        HttpResponse<String> handed = scenario.handOverToCourier(scenario.courier(), 1, scenario.coi());
        assertThat(handed.statusCode()).as(handed.body()).isEqualTo(200);
        assertThat(scenario.depart(2).statusCode()).isEqualTo(200);
        HttpResponse<String> received = scenario.receiveAtManufacturer(3, scenario.coi());
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        assertThat(stage()).isEqualTo(Stage.IN_MANUFACTURING);

        JsonNode bag = Http.json(scenario.manufacturer().get("/api/v1/custody-items/" + scenario.bagId()));
        assertThat(bag.get("custodian").get("name").asText()).isEqualTo(world.manufacturer().name());
        assertThat(bag.get("status").asText()).isEqualTo("HELD");
        assertThat(bag.get("events").valueStream().map(e -> e.get("type").asText()))
                .containsExactly("LABELLED", "VERIFIED", "HANDED_OVER", "SHIPPED", "RECEIVED");

        JsonNode chain = Http.json(scenario.person(world.coordinator()).get("/api/v1/cases/" + scenario.therapyCase.id() + "/custody"));
        assertThat(chain.get("coi").get("barcodeData").asText()).isEqualTo(scenario.coi());
        assertThat(chain.get("timeline").valueStream().filter(r -> r.get("custodianName").isTextual())
                .map(r -> r.get("custodianName").asText())).contains(world.centre().name(), world.courier().name(),
                world.manufacturer().name());
    }

    @Test
    void theCustodyEndpointsAndTheirProblemTypesAreDocumented() {
        JsonNode paths = Http.json(Http.browser(port).get("/api/v1/openapi")).get("paths");
        for (String path : java.util.List.of("/api/v1/cases/{id}/chain-of-identity", "/api/v1/cases/{id}/custody",
                "/api/v1/custody-items/{id}", "/api/v1/custody-items/{id}/events", "/api/v1/custody-locations",
                "/api/v1/shipments", "/api/v1/shipments/{id}", "/api/v1/shipments/{id}/hand-overs",
                "/api/v1/shipments/{id}/departures", "/api/v1/shipments/{id}/receipts",
                "/api/v1/shippers/{shipperId}/temperature-readings", "/api/v1/custody-alerts",
                "/api/v1/custody-alerts/{id}/acknowledgement", "/api/v1/cases/{id}/verifications",
                "/api/v1/verifications/{id}/scans", "/api/v1/verifications/{id}/signatures",
                "/api/v1/hard-stops/{scanId}/override", "/api/v1/hard-stops/{scanId}/override/co-signature")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        String problems = Http.browser(port).get("/problems").body();
        assertThat(problems).contains("identity-mismatch", "custody-version-conflict", "invalid-readings", "unknown-shipper");
    }
}

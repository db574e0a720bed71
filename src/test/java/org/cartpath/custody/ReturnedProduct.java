package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.Stage;
import org.cartpath.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * The product back at the centre: the cells went to the manufacturer (scenario), the case was released, the
 * manufacturer shipped one product bag back, the courier carried it and the centre's laboratory received it.
 */
record ReturnedProduct(String shipmentId, String bagId) {

    static Map<String, Object> returnBody(CustodyScenario scenario, String shipperId) {
        Instant departure = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", scenario.therapyCase.id().toString());
        body.put("direction", "TO_CENTRE");
        body.put("shipperId", shipperId);
        body.put("place", "Manufacturing site dispatch");
        body.put("productBags", List.of(Map.of("lot", "LOT-77", "bagNumber", 1)));
        body.put("legs", List.of(Map.of("fromPlace", "Manufacturing site", "toPlace", "Cell therapy laboratory",
                "courierOrganisationId", scenario.world.courier().id().toString(), "expectedDeparture", departure.toString(),
                "expectedArrival", departure.plus(30, ChronoUnit.HOURS).toString())));
        return body;
    }

    /** Up to the manufacturer shipping the product back; the shipper is with the manufacturer at version 1. */
    static JsonNode registered(CustodyScenario scenario, CustodyFixtures fixtures, String shipperId) {
        scenario.inTransit(shipperId + "-OUT");
        assertThat(scenario.receiveAtManufacturer(3, scenario.coi()).statusCode()).isEqualTo(200);
        fixtures.advance(scenario.therapyCase, Stage.RELEASED);
        HttpResponse<String> registered = scenario.manufacturer().postJson("/api/v1/shipments", returnBody(scenario, shipperId));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return Http.json(registered);
    }

    static ReturnedProduct delivered(CustodyScenario scenario, CustodyFixtures fixtures, String shipperId) {
        JsonNode shipment = registered(scenario, fixtures, shipperId);
        String id = shipment.get("id").asText();
        String bag = shipment.get("contents").get(0).asText();
        Http courier = scenario.courier();
        HttpResponse<String> handed = courier.postJson("/api/v1/shipments/" + id + "/hand-overs", Map.of(
                "fromOrganisationId", scenario.world.manufacturer().id().toString(),
                "toOrganisationId", scenario.world.courier().id().toString(), "place", "Site dock", "expectedVersion", 1,
                "scannedIdentifier", scenario.coi()));
        assertThat(handed.statusCode()).as(handed.body()).isEqualTo(200);
        assertThat(courier.postJson("/api/v1/shipments/" + id + "/departures", Map.of("leg", 1, "expectedVersion", 2))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> received = scenario.person(scenario.world.lab()).postJson("/api/v1/shipments/" + id + "/receipts",
                Map.of("place", "Cell therapy laboratory", "expectedVersion", 3, "scannedIdentifier", scenario.coi(),
                        "password", "correct-horse-battery"));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        return new ReturnedProduct(id, bag);
    }
}

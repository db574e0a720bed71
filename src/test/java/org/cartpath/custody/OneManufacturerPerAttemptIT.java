package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.BookedManufacturers;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.cartpath.testing.BookingFixtures;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * One manufacturer per attempt (ADR 18), over the API with real tokens: a case's cells go only to
 * the manufacturer and site of its booking, and only that manufacturer (and the courier of the shipment) may receive
 * them, report, release and ship back. Any other manufacturer or courier gets 404, changes nothing and is audited.
 */
@CartpathIntegrationTest
class OneManufacturerPerAttemptIT {

    @LocalServerPort
    int port;

    @Autowired
    CustodyFixtures fixtures;

    @Autowired
    BookingFixtures bookings;

    @Autowired
    LabelPrinting printing;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    World world;
    /** Manufacturer B (and a courier that carries nothing of this case), from a world of their own. */
    World other;

    @BeforeEach
    void twoManufacturers() {
        world = fixtures.world();
        other = fixtures.world();
    }

    @Test
    void aCaseBookedAtOneManufacturerGoesOnlyThereAndEveryOtherManufacturerOrCourierIsRefusedAndAudited() {
        // booked at B first, then moved to A: B is a party of the case, but not its manufacturer any more
        TherapyCase therapyCase = fixtures.caseAt(world, Stage.PANEL_APPROVED);
        Actor coordinator = world.actor(world.coordinator());
        String firstBooking = bookings.book(coordinator, other.actor(other.manufacturerUser()), therapyCase.id(), "KYMRIAH")
                .id().toString();
        BookingFixtures.Choice atA = bookings.choose(coordinator, world.actor(world.manufacturerUser()), therapyCase.id(),
                "KYMRIAH");
        Http coordinatorHttp = person(world.coordinator());
        HttpResponse<String> moved = coordinatorHttp.postJson("/api/v1/bookings/" + firstBooking + "/rescheduling",
                Map.of("apheresisDate", atA.apheresisDate().toString(), "slotId", atA.slotId().toString(),
                        "reason", "The panel chose the manufacturer with the earlier slot"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        CustodyScenario scenario = new CustodyScenario(port, world, journey.get(coordinator, therapyCase.id()).therapyCase(),
                printing);
        scenario.verifyCollection();
        Http lab = person(world.lab());
        Map<String, Object> toB = new HashMap<>(scenario.outboundBody("DS-TO-B"));
        toB.put("manufacturerOrganisationId", other.manufacturer().id().toString());
        JsonNode wrong = assertProblem(lab.postJson("/api/v1/shipments", toB), 422, "manufacturer-not-booked",
                "manufacturerOrganisationId");
        assertThat(wrong.get("detail").asText()).contains(world.manufacturer().name(), atA.siteName(), "re-booking");
        assertThat(count("custody_shipment", scenario)).isZero();

        Map<String, Object> unnamed = new HashMap<>(scenario.outboundBody("DS-TO-A"));
        unnamed.remove("manufacturerOrganisationId");
        HttpResponse<String> registered = lab.postJson("/api/v1/shipments", unnamed);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode shipment = Http.json(registered);
        assertThat(shipment.at("/destination/organisationId").asText()).isEqualTo(world.manufacturer().id().toString());
        assertThat(shipment.at("/destinationSite/name").asText()).isEqualTo(atA.siteName());
        scenario.shipmentId = shipment.get("id").asText();
        String path = "/api/v1/shipments/" + scenario.shipmentId;

        Http strayCourier = Http.token(port, other.courierToken());
        assertProblem(strayCourier.postJson(path + "/hand-overs", Map.of("fromOrganisationId", world.centre().id().toString(),
                "toOrganisationId", other.courier().id().toString(), "place", "Bay", "expectedVersion", 1,
                "scannedIdentifier", scenario.coi())), 404, "not-found");
        assertThat(scenario.handOverToCourier(scenario.courier(), 1, scenario.coi()).statusCode()).isEqualTo(200);
        assertThat(scenario.depart(2).statusCode()).isEqualTo(200);

        Http b = Http.token(port, other.manufacturerToken());
        assertProblem(receipt(b, scenario, 3), 404, "not-found");
        assertThat(shipperVersion(scenario)).as("B's receipt changed nothing").isEqualTo(3);
        assertProblem(b.postJson(cases(scenario, "/manufacturing-reports"), Map.of("status", "MATERIAL_RECEIVED")), 404,
                "not-found");
        assertThat(count("manufacturing_report", scenario)).isZero();
        assertThat(stage(scenario)).isEqualTo(Stage.COLLECTED);

        assertThat(receipt(scenario.manufacturer(), scenario, 3).statusCode()).as("A receives").isEqualTo(200);
        assertThat(stage(scenario)).isEqualTo(Stage.IN_MANUFACTURING);
        assertProblem(b.postJson(cases(scenario, "/product-lots"), certificate("LOT-B-1")), 404, "not-found");
        assertThat(count("product_lot", scenario)).isZero();
        assertThat(scenario.manufacturer().postJson(cases(scenario, "/manufacturing-reports"),
                Map.of("status", "MANUFACTURING_STARTED")).statusCode()).isEqualTo(201);
        HttpResponse<String> released = scenario.manufacturer().postJson(cases(scenario, "/product-lots"), certificate("LOT-A-1"));
        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
        assertThat(stage(scenario)).isEqualTo(Stage.RELEASED);

        assertProblem(b.postJson("/api/v1/shipments", ReturnedProduct.returnBody(scenario, "DS-BACK-B")), 404, "not-found");
        assertThat(count("custody_shipment", scenario)).as("B shipped nothing back").isEqualTo(1);
        HttpResponse<String> back = scenario.manufacturer().postJson("/api/v1/shipments",
                ReturnedProduct.returnBody(scenario, "DS-BACK-A"));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(201);

        assertThat(refusals(scenario, other.manufacturer().id())).as("receipt, report, release and return by B")
                .isEqualTo(4);
        assertThat(refusals(scenario, other.courier().id())).as("the hand-over by a courier not on the shipment")
                .isEqualTo(1);
        assertThat(refusals(scenario, world.manufacturer().id())).isZero();
        assertThat(jdbc.sql("select after_state::jsonb->>'action' from audit_event where action = ? and entity_id = ? "
                        + "and organisation_id = ? order by id")
                .params(BookedManufacturers.REFUSED, scenario.therapyCase.id().toString(), other.manufacturer().id().value())
                .query(String.class).list()).containsExactly("RECEIPT", "STATUS_REPORT", "RELEASE", "RETURN_SHIPMENT");
    }

    @Test
    void afterAFailedAttemptAndARebookingAtAnotherManufacturerTheNewOneActsAndTheFirstNoLongerMay() {
        TherapyCase therapyCase = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        CustodyScenario first = new CustodyScenario(port, world, therapyCase, printing);
        first.inTransit("DS-ATTEMPT-1");
        assertThat(first.receiveAtManufacturer(3, first.coi()).statusCode()).isEqualTo(200);
        Http a = first.manufacturer();
        HttpResponse<String> failed = a.postJson(cases(first, "/manufacturing-reports"), Map.of("status", "FAILED",
                "failureReason", "POOR_GROWTH", "resolution", "RE_COLLECTION"));
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(201);
        assertThat(stage(first)).isEqualTo(Stage.SLOT_BOOKED);

        // the coordinator re-books the case at manufacturer B
        Actor coordinator = world.actor(world.coordinator());
        Http coordinatorHttp = person(world.coordinator());
        String active = Http.json(coordinatorHttp.get("/api/v1/cases/" + therapyCase.id() + "/bookings")).valueStream()
                .filter(booking -> booking.get("status").asText().equals("BOOKED")).findFirst().orElseThrow()
                .get("id").asText();
        BookingFixtures.Choice atB = bookings.choose(coordinator, other.actor(other.manufacturerUser()), therapyCase.id(),
                "KYMRIAH");
        HttpResponse<String> rebooked = coordinatorHttp.postJson("/api/v1/bookings/" + active + "/rescheduling",
                Map.of("apheresisDate", atB.apheresisDate().toString(), "slotId", atB.slotId().toString(),
                        "reason", "New cells go to the manufacturer with capacity"));
        assertThat(rebooked.statusCode()).as(rebooked.body()).isEqualTo(200);

        CustodyScenario second = new CustodyScenario(port, world, therapyCase, printing);
        second.verifyCollection();
        Http lab = person(world.lab());
        assertProblem(lab.postJson("/api/v1/shipments", second.outboundBody("DS-ATTEMPT-2A")), 422,
                "manufacturer-not-booked", "manufacturerOrganisationId");
        Map<String, Object> body = new HashMap<>(second.outboundBody("DS-ATTEMPT-2"));
        body.remove("manufacturerOrganisationId");
        HttpResponse<String> registered = lab.postJson("/api/v1/shipments", body);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(Http.json(registered).at("/destination/organisationId").asText())
                .isEqualTo(other.manufacturer().id().toString());
        second.shipmentId = Http.json(registered).get("id").asText();
        assertThat(second.handOverToCourier(second.courier(), 1, second.coi()).statusCode()).isEqualTo(200);
        assertThat(second.depart(2).statusCode()).isEqualTo(200);

        // A made the first attempt; it may no longer act on the case
        assertProblem(receipt(a, second, 3), 404, "not-found");
        assertProblem(a.postJson(cases(second, "/manufacturing-reports"), Map.of("status", "IN_QC")), 404, "not-found");
        assertThat(shipperVersion(second)).isEqualTo(3);
        assertThat(count("manufacturing_report", second)).as("only A's failure report").isEqualTo(1);

        Http b = Http.token(port, other.manufacturerToken());
        assertThat(receipt(b, second, 3).statusCode()).as("B receives the new cells").isEqualTo(200);
        assertThat(stage(second)).isEqualTo(Stage.IN_MANUFACTURING);
        // on the case page only B's operators are offered the report form; A's are told why not
        String casePage = "/cases/" + therapyCase.id();
        assertThat(person(world.manufacturerUser()).get(casePage).body())
                .contains("data-testid=\"not-current-manufacturer\"").doesNotContain("Report manufacturing status");
        assertThat(person(other.manufacturerUser()).get(casePage).body()).contains("Report manufacturing status")
                .doesNotContain("data-testid=\"not-current-manufacturer\"");
        assertThat(b.postJson(cases(second, "/manufacturing-reports"), Map.of("status", "MANUFACTURING_STARTED"))
                .statusCode()).isEqualTo(201);
        assertProblem(a.postJson(cases(second, "/product-lots"), certificate("LOT-A-2")), 404, "not-found");
        HttpResponse<String> released = b.postJson(cases(second, "/product-lots"), certificate("LOT-B-2"));
        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
        assertProblem(a.postJson("/api/v1/shipments", ReturnedProduct.returnBody(second, "DS-BACK-A2")), 404, "not-found");
        HttpResponse<String> back = b.postJson("/api/v1/shipments", ReturnedProduct.returnBody(second, "DS-BACK-B2"));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(201);

        assertThat(refusals(second, world.manufacturer().id())).as("receipt, report, release and return by A")
                .isEqualTo(4);
        assertThat(refusals(second, other.manufacturer().id())).isZero();
        // every attempt's records are kept: A's shipment and failure, both bookings
        JsonNode reports = Http.json(coordinatorHttp.get(cases(second, "/manufacturing-reports")));
        assertThat(reports.valueStream().map(r -> r.get("status").asText())).contains("FAILED", "MANUFACTURING_STARTED");
        assertThat(jdbc.sql("select count(*) from custody_shipment where case_id = ? and direction = 'TO_MANUFACTURER'")
                .param(therapyCase.id().value()).query(Long.class).single()).isEqualTo(2);
        assertThat(Http.json(coordinatorHttp.get("/api/v1/cases/" + therapyCase.id() + "/bookings")).valueStream()
                .map(booking -> booking.get("status").asText())).containsExactly("BOOKED", "RESCHEDULED");
    }

    @Test
    void aRemanufactureIsBookedOnlyAtTheManufacturerThatHoldsTheCells() {
        TherapyCase therapyCase = fixtures.caseAt(world, Stage.IN_MANUFACTURING);
        Actor coordinator = world.actor(world.coordinator());
        Http coordinatorHttp = person(world.coordinator());
        BookingFixtures.Choice atB = bookings.choose(coordinator, other.actor(other.manufacturerUser()), therapyCase.id(),
                "KYMRIAH");
        assertProblem(coordinatorHttp.postJson("/api/v1/bookings", Map.of("caseId", therapyCase.id().toString(),
                "slotId", atB.slotId().toString(), "remanufacture", true)), 422, "remanufacture-at-another-manufacturer");
        assertThat(jdbc.sql("select count(*) from slot_booking where case_id = ?").param(therapyCase.id().value())
                .query(Long.class).single()).as("the first booking only").isEqualTo(1);
        BookingFixtures.Choice atA = bookings.choose(coordinator, world.actor(world.manufacturerUser()), therapyCase.id(),
                "KYMRIAH");
        HttpResponse<String> remanufacture = coordinatorHttp.postJson("/api/v1/bookings", Map.of("caseId",
                therapyCase.id().toString(), "slotId", atA.slotId().toString(), "remanufacture", true));
        assertThat(remanufacture.statusCode()).as(remanufacture.body()).isEqualTo(201);
    }

    private Http person(org.cartpath.identity.UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private static String cases(CustodyScenario scenario, String rest) {
        return "/api/v1/cases/" + scenario.therapyCase.id() + rest;
    }

    private static HttpResponse<String> receipt(Http as, CustodyScenario scenario, int version) {
        return as.postJson("/api/v1/shipments/" + scenario.shipmentId + "/receipts", Map.of("place", "Goods-in",
                "expectedVersion", version, "scannedIdentifier", scenario.coi()));
    }

    private static Map<String, Object> certificate(String lot) {
        return Map.of("lotNumber", lot, "doseCells", new BigDecimal("110000000"), "viabilityPercent", new BigDecimal("86"),
                "volumeMl", 10, "bags", 1, "expiresOn", "2027-11-26");
    }

    private int shipperVersion(CustodyScenario scenario) {
        return Http.json(scenario.courier().get("/api/v1/shipments/" + scenario.shipmentId)).get("shipperVersion").asInt();
    }

    private Stage stage(CustodyScenario scenario) {
        return journey.get(Actor.system("test"), scenario.therapyCase.id()).therapyCase().stage();
    }

    private long count(String table, CustodyScenario scenario) {
        return jdbc.sql("select count(*) from " + table + " where case_id = ?").param(scenario.therapyCase.id().value())
                .query(Long.class).single();
    }

    private long refusals(CustodyScenario scenario, OrganisationId organisation) {
        return jdbc.sql("select count(*) from audit_event where action = ? and entity_id = ? and organisation_id = ?")
                .params(BookedManufacturers.REFUSED, scenario.therapyCase.id().toString(), organisation.value())
                .query(Long.class).single();
    }
}

package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelPrint;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.TherapyCase;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import tools.jackson.databind.JsonNode;

/**
 * Drives a case's custody through the API as the people and systems would: collection label, the two-person
 * collection check, the shipment to the manufacturer, hand-over, departure and receipt. Each step asserts its
 * own success so that a test can stop at the step it is about.
 */
public final class CustodyScenario {

    public final int port;
    public final World world;
    public final TherapyCase therapyCase;
    public final LabelPrint bagLabel;
    public String shipmentId;

    public CustodyScenario(int port, World world, TherapyCase therapyCase, LabelPrinting printing) {
        this(port, world, therapyCase, printing, new LabelPrinting.CollectionRequest(null, "Apheresis unit", null, null));
    }

    /** A collection as {@code collection} says (its time, and the signed reason when off the booked day). */
    public CustodyScenario(int port, World world, TherapyCase therapyCase, LabelPrinting printing,
            LabelPrinting.CollectionRequest collection) {
        this.port = port;
        this.world = world;
        this.therapyCase = therapyCase;
        this.bagLabel = printing.newCollection(world.actor(world.nurse()), therapyCase.id(), collection);
    }

    public String coi() {
        return bagLabel.coi().barcodeData();
    }

    /** The patient's wristband symbol (NHS number and date of birth): what the wristband prompt asks for. */
    public String wristband() {
        return CustodyFixtures.wristband(therapyCase);
    }

    public String din() {
        return bagLabel.din().barcodeData();
    }

    public String bagId() {
        return bagLabel.itemId().toString();
    }

    public Http person(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    public Http manufacturer() {
        return Http.token(port, world.manufacturerToken());
    }

    public Http courier() {
        return Http.token(port, world.courierToken());
    }

    /** Opens the collection check as {@code first}; returns its id. */
    public String openCollectionCheck(Http first) {
        HttpResponse<String> opened = first.postJson("/api/v1/cases/" + therapyCase.id() + "/verifications",
                Map.of("step", "COLLECTION", "itemId", bagId(), "place", "Apheresis unit"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return Http.json(opened).get("id").asText();
    }

    public HttpResponse<String> scan(Http person, String verificationId, String scanned) {
        return person.postJson("/api/v1/verifications/" + verificationId + "/scans", Map.of("scanned", scanned));
    }

    public HttpResponse<String> sign(Http person, String verificationId) {
        return person.postJson("/api/v1/verifications/" + verificationId + "/signatures",
                Map.of("password", IdentityFixtures.PASSWORD));
    }

    /** One person scans wristband, bag COI and bag DIN, then signs. */
    public HttpResponse<String> checkAndSign(Http person, String verificationId) {
        for (String scanned : List.of(wristband(), coi(), din())) {
            HttpResponse<String> scan = scan(person, verificationId, scanned);
            assertThat(scan.statusCode()).as(scan.body()).isEqualTo(201);
        }
        return sign(person, verificationId);
    }

    /** The whole two-person collection check, by the two nurses. */
    public void verifyCollection() {
        Http first = person(world.nurse());
        String verification = openCollectionCheck(first);
        assertThat(checkAndSign(first, verification).statusCode()).isEqualTo(200);
        HttpResponse<String> second = checkAndSign(person(world.secondNurse()), verification);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(Http.json(second).get("status").asText()).isEqualTo("COMPLETED");
    }

    public Map<String, Object> outboundBody(String shipperId) {
        Instant departure = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", therapyCase.id().toString());
        body.put("direction", "TO_MANUFACTURER");
        body.put("shipperId", shipperId);
        body.put("manufacturerOrganisationId", world.manufacturer().id().toString());
        body.put("bagIds", List.of(bagId()));
        body.put("legs", List.of(Map.of("fromPlace", "Cell therapy laboratory", "toPlace", "Manufacturing site",
                "courierOrganisationId", world.courier().id().toString(), "expectedDeparture", departure.toString(),
                "expectedArrival", departure.plus(20, ChronoUnit.HOURS).toString())));
        return body;
    }

    /** The laboratory registers the shipment to the manufacturer; returns it. */
    public JsonNode registerOutbound(String shipperId) {
        HttpResponse<String> registered = person(world.lab()).postJson("/api/v1/shipments", outboundBody(shipperId));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode shipment = Http.json(registered);
        shipmentId = shipment.get("id").asText();
        return shipment;
    }

    public HttpResponse<String> handOverToCourier(Http as, int expectedVersion, String scanned) {
        return as.postJson("/api/v1/shipments/" + shipmentId + "/hand-overs", Map.of(
                "fromOrganisationId", world.centre().id().toString(), "toOrganisationId", world.courier().id().toString(),
                "place", "Cell therapy laboratory loading bay", "expectedVersion", expectedVersion,
                "scannedIdentifier", scanned));
    }

    public HttpResponse<String> depart(int expectedVersion) {
        return courier().postJson("/api/v1/shipments/" + shipmentId + "/departures",
                Map.of("leg", 1, "expectedVersion", expectedVersion));
    }

    public HttpResponse<String> receiveAtManufacturer(int expectedVersion, String scanned) {
        return manufacturer().postJson("/api/v1/shipments/" + shipmentId + "/receipts", Map.of(
                "place", "Manufacturing site goods-in", "expectedVersion", expectedVersion, "scannedIdentifier", scanned));
    }

    /** Collection check, shipment registered, handed to the courier, departed: the shipper is in transit at version 3. */
    public void inTransit(String shipperId) {
        verifyCollection();
        registerOutbound(shipperId);
        HttpResponse<String> handed = handOverToCourier(courier(), 1, coi());
        assertThat(handed.statusCode()).as(handed.body()).isEqualTo(200);
        HttpResponse<String> departed = depart(2);
        assertThat(departed.statusCode()).as(departed.body()).isEqualTo(200);
    }
}

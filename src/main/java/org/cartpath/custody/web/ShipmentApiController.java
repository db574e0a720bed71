package org.cartpath.custody.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cartpath.custody.internal.IdentifierStore;
import org.cartpath.custody.overview.CaseCustody;
import org.cartpath.custody.overview.CustodyOverview;
import org.cartpath.custody.shipment.Shipment;
import org.cartpath.custody.shipment.ShipmentMovements;
import org.cartpath.custody.shipment.ShipmentRegistration;
import org.cartpath.custody.shipment.ShipmentRequests;
import org.cartpath.custody.telemetry.TelemetryIngest;
import org.cartpath.custody.telemetry.TemperatureSeries;
import org.cartpath.journey.CaseJourney;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shipments over REST for centres, manufacturers and couriers: registering one, handing over, departing and
 * receiving (each scanned against the expected COI; a mismatch is a recorded hard stop, 422 identity-mismatch).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Shipments", description = "Shippers, legs, hand-overs and receipts, each version-checked and scanned")
class ShipmentApiController {

    record LegBody(
            @Size(max = TextLimits.SHORT) String fromPlace,
            @Size(max = TextLimits.SHORT) String toPlace,
            @Size(max = TextLimits.SHORT) String courierOrganisationId,
            @Size(max = TextLimits.SHORT) String expectedDeparture,
            @Size(max = TextLimits.SHORT) String expectedArrival) {
    }

    record ProductBagBody(@Size(max = TextLimits.SHORT) String lot, Integer bagNumber) {
    }

    record ShipmentBody(
            @Size(max = TextLimits.SHORT) String caseId,
            @Size(max = TextLimits.SHORT) String direction,
            @Size(max = TextLimits.SHORT) String shipperId,
            @Size(max = TextLimits.SHORT) String manufacturerOrganisationId,
            @Size(max = TextLimits.ITEMS) List<@Size(max = TextLimits.SHORT) String> bagIds,
            @Valid List<ProductBagBody> productBags,
            @Size(max = TextLimits.SHORT) String temperatureProfile,
            @Valid List<LegBody> legs,
            @Size(max = TextLimits.SHORT) String place) {
    }

    record HandOverBody(
            @Size(max = TextLimits.SHORT) String fromOrganisationId,
            @Size(max = TextLimits.SHORT) String toOrganisationId,
            @Size(max = TextLimits.SHORT) String place,
            @Size(max = TextLimits.SHORT) String occurredAt,
            Integer expectedVersion,
            @Size(max = TextLimits.SCAN) String scannedIdentifier,
            @Size(max = TextLimits.SHORT) String password) {
    }

    record DepartureBody(
            Integer leg,
            @Size(max = TextLimits.SHORT) String place,
            @Size(max = TextLimits.SHORT) String occurredAt,
            Integer expectedVersion) {
    }

    record ReceiptBody(
            @Size(max = TextLimits.SHORT) String place,
            @Size(max = TextLimits.SHORT) String occurredAt,
            Integer expectedVersion,
            @Size(max = TextLimits.SCAN) String scannedIdentifier,
            @Size(max = TextLimits.SHORT) String password) {
    }

    private final ShipmentRegistration registration;
    private final ShipmentMovements movements;
    private final CustodyOverview overview;
    private final TemperatureSeries series;
    private final TelemetryIngest telemetry;
    private final IdentifierStore identifiers;
    private final CaseJourney journey;

    ShipmentApiController(ShipmentRegistration registration, ShipmentMovements movements, CustodyOverview overview,
            TemperatureSeries series, TelemetryIngest telemetry, IdentifierStore identifiers, CaseJourney journey) {
        this.registration = registration;
        this.movements = movements;
        this.overview = overview;
        this.series = series;
        this.telemetry = telemetry;
        this.identifiers = identifiers;
        this.journey = journey;
    }

    @PostMapping("/shipments")
    @Operation(summary = "Register a shipment: TO_MANUFACTURER (the centre, with verified collection bags) or "
            + "TO_CENTRE (the manufacturer, with the released product's bags)",
            description = "temperatureProfile CRYOPRESERVED (default: at or below -150 °C) or FRESH (needs a range in the "
                    + "catalogue: 422 no-temperature-profile). A first leg expected to depart before the cells were "
                    + "collected is 422 shipment-before-collection (docs/clinical/dates.md). TO_MANUFACTURER: the cells "
                    + "go to the manufacturer and site of the case's active booking; manufacturerOrganisationId may be "
                    + "left out, and if sent must be the booked manufacturer (422 manufacturer-not-booked: a different "
                    + "manufacturer needs a re-booking); a case without a booking is refused (422 no-booking). TO_CENTRE: "
                    + "only the manufacturer holding the booking ships back; any other gets 404. "
                    + CustodyApiController.IDEMPOTENCY)
    ResponseEntity<CustodyResponses.ShipmentView> register(Actor actor, @RequestBody ShipmentBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        RequestFields.required().field("direction", body.direction()).check();
        String direction = body.direction();
        Shipment shipment;
        if (direction.equals("TO_MANUFACTURER")) {
            shipment = registration.outbound(actor, new ShipmentRequests.Outbound(ApiFields.caseId(body.caseId(), "caseId"),
                    body.bagIds() == null ? null : body.bagIds().stream().map(b -> ApiFields.uuid(b, "bagIds")).toList(),
                    body.shipperId(), ApiFields.organisation(body.manufacturerOrganisationId(), "manufacturerOrganisationId"),
                    body.temperatureProfile(), legs(body.legs()), body.place()));
        } else if (direction.equals("TO_CENTRE")) {
            shipment = registration.back(actor, new ShipmentRequests.Return(ApiFields.caseId(body.caseId(), "caseId"),
                    body.shipperId(), body.temperatureProfile(), legs(body.legs()),
                    body.productBags() == null ? null : body.productBags().stream()
                            .map(b -> b == null ? null : new ShipmentRequests.ProductBagRequest(b.lot(), b.bagNumber())).toList(),
                    body.place()));
        } else {
            throw ProblemException.invalid("direction", "must be TO_MANUFACTURER or TO_CENTRE");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(view(actor, shipment.id()));
    }

    @GetMapping("/shipments/{id}")
    @Operation(summary = "A shipment: legs, contents, the shipper's version, temperature profile, readings and excursions")
    CustodyResponses.ShipmentView shipment(Actor actor, @PathVariable String id) {
        return view(actor, Ids.parse(id, "shipment"));
    }

    @PostMapping("/shipments/{id}/hand-overs")
    @Operation(summary = "Hand the shipper (and what it carries) from its holder to another organisation",
            description = "Recorded by the giver or the taker; fromOrganisationId defaults to yours and must be the "
                    + "current holder (422 not-custodian). scannedIdentifier is the COI scanned on the shipper: a mismatch "
                    + "is a recorded hard stop (422 identity-mismatch). A person signs with their password. occurredAt "
                    + "may not be in the future (422 timestamp-in-future) nor, for cells going to the manufacturer, before "
                    + "they were collected (422 shipment-before-collection). " + CustodyApiController.IDEMPOTENCY)
    CustodyResponses.ShipmentView handOver(Actor actor, @PathVariable String id, @RequestBody HandOverBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID shipmentId = Ids.parse(id, "shipment");
        movements.handOver(actor, shipmentId, new ShipmentMovements.HandOver(
                ApiFields.organisation(body.fromOrganisationId(), "fromOrganisationId"),
                ApiFields.organisation(body.toOrganisationId(), "toOrganisationId"), body.place(),
                ApiFields.instant(body.occurredAt(), "occurredAt"), body.expectedVersion(), body.scannedIdentifier(),
                body.password()));
        return view(actor, shipmentId);
    }

    @PostMapping("/shipments/{id}/departures")
    @Operation(summary = "The courier of a leg records its departure (SHIPPED)", description = CustodyApiController.IDEMPOTENCY)
    CustodyResponses.ShipmentView depart(Actor actor, @PathVariable String id, @RequestBody DepartureBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID shipmentId = Ids.parse(id, "shipment");
        movements.depart(actor, shipmentId, new ShipmentMovements.Departure(body.leg(), body.place(),
                ApiFields.instant(body.occurredAt(), "occurredAt"), body.expectedVersion()));
        return view(actor, shipmentId);
    }

    @PostMapping("/shipments/{id}/receipts")
    @Operation(summary = "The destination receives the shipper, scanned against the expected COI",
            description = "422 never-shipped for a shipper that is not in transit; 422 identity-mismatch (recorded hard "
                    + "stop) for another COI. Receipt by the manufacturer moves the case to 'In manufacturing'. "
                    + CustodyApiController.IDEMPOTENCY)
    CustodyResponses.ShipmentView receive(Actor actor, @PathVariable String id, @RequestBody ReceiptBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID shipmentId = Ids.parse(id, "shipment");
        movements.receive(actor, shipmentId, new ShipmentMovements.Receipt(body.place(),
                ApiFields.instant(body.occurredAt(), "occurredAt"), body.expectedVersion(), body.scannedIdentifier(),
                body.password()));
        return view(actor, shipmentId);
    }

    private CustodyResponses.ShipmentView view(Actor actor, UUID shipmentId) {
        CaseCustody.ShipmentState state = overview.shipment(actor, shipmentId);
        Shipment s = state.shipment();
        String reference = journey.get(actor, s.caseId()).therapyCase().reference();
        return CustodyResponses.ShipmentView.of(state, reference, identifiers.coi(s.caseId()).orElse(null),
                series.summary(s), telemetry.excursions(s.id()));
    }

    private static List<ShipmentRequests.LegRequest> legs(List<LegBody> legs) {
        if (legs == null) {
            return null;
        }
        List<ShipmentRequests.LegRequest> out = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            LegBody leg = legs.get(i);
            String at = "legs[" + i + "].";
            out.add(leg == null ? null : new ShipmentRequests.LegRequest(leg.fromPlace(), leg.toPlace(),
                    ApiFields.organisation(leg.courierOrganisationId(), at + "courierOrganisationId"),
                    ApiFields.instant(leg.expectedDeparture(), at + "expectedDeparture"),
                    ApiFields.instant(leg.expectedArrival(), at + "expectedArrival")));
        }
        return out;
    }
}

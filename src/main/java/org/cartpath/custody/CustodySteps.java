package org.cartpath.custody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cartpath.custody.chain.VerificationStep;
import org.cartpath.custody.labels.LabelPrint;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.custody.shipment.Shipment;
import org.cartpath.custody.shipment.ShipmentMovements;
import org.cartpath.custody.shipment.ShipmentRegistration;
import org.cartpath.custody.shipment.ShipmentRequests;
import org.cartpath.custody.verification.Verifications;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.springframework.stereotype.Service;

/**
 * The API for driving custody steps on behalf of a person from another module: a collection, the two-person checks,
 * registering a shipment, and its hand-overs, departures and receipts. Today the platform's demo journey
 * ({@code platform.demo.DemoTreatmentSeed}) is its one caller; staff use custody's own pages and REST API instead.
 *
 * <p>It adds no rule and takes no shortcut: each method passes the person's {@link Actor} to the very custody
 * service the staff's pages and the REST API call ({@code LabelPrinting}, {@code Verifications},
 * {@code ShipmentRegistration}, {@code ShipmentMovements}), so the person's organisation, roles and scope, the case's
 * stage, hard stops, scans, the person's password for each signature, the custody log and the audit row are exactly
 * as when staff record the step, and every refusal is the same {@code ProblemException}. It holds no transaction of
 * its own: each step is its service's transaction, or joins the caller's.
 */
@Service
public class CustodySteps {

    /** A collection bag as labelled at apheresis: the custody item and the identifiers its label carries. */
    public record CollectedBag(UUID itemId, ChainOfIdentityId coi, Din din) {
    }

    /**
     * The two-person checks this API drives, as custody's own checks of the same names (who may take part, and what
     * each person scans, is custody's rule: docs/clinical/isbt128.md).
     */
    public enum TwoPersonCheck {
        /** Before the collection bag leaves: wristband, bag and case. */
        COLLECTION,
        /** The product back at the centre: the product's COI against the case. */
        RECEIPT_AT_CENTRE
    }

    /** One leg of a shipment, by one courier. */
    public record Leg(String fromPlace, String toPlace, OrganisationId courier, Instant expectedDeparture,
            Instant expectedArrival) {
    }

    /** A product bag a manufacturer sends back: its lot and its number within the lot. */
    public record ProductBag(String lot, int bagNumber) {
    }

    /** A registered shipment: its id, and the custody items (bags) it carries. */
    public record RegisteredShipment(UUID id, List<UUID> contents) {
    }

    private final LabelPrinting labels;
    private final Verifications verifications;
    private final ShipmentRegistration shipments;
    private final ShipmentMovements movements;

    CustodySteps(LabelPrinting labels, Verifications verifications, ShipmentRegistration shipments,
            ShipmentMovements movements) {
        this.labels = labels;
        this.verifications = verifications;
        this.shipments = shipments;
        this.movements = movements;
    }

    /**
     * A collection recorded by an apheresis nurse or the cell therapy laboratory, and its bag's label printed
     * ({@code LabelPrinting.newCollection}).
     *
     * @param collectedAt now when not given
     * @param reason      required, and signed with {@code password}, when the collection is not on the booked day
     */
    public CollectedBag collect(Actor person, CaseId caseId, Instant collectedAt, String place, String reason,
            String password) {
        LabelPrint bag = labels.newCollection(person, caseId,
                new LabelPrinting.CollectionRequest(collectedAt, place, reason, password));
        return new CollectedBag(bag.itemId(), bag.coi(), bag.din());
    }

    /** Opens (or finds open) a two-person check of a custody item ({@code Verifications.open}); its id. */
    public UUID openCheck(Actor person, CaseId caseId, UUID itemId, TwoPersonCheck check, String place) {
        return verifications.open(person, caseId, itemId, step(check), place).id();
    }

    /** One scan by one person in a check ({@code Verifications.scan}); a mismatch is a hard stop and refused. */
    public void scanForCheck(Actor person, UUID checkId, String scanned) {
        verifications.scan(person, checkId, scanned);
    }

    /** One person's signature of a check ({@code Verifications.sign}); the second completes it. */
    public void signCheck(Actor person, UUID checkId, String password) {
        verifications.sign(person, checkId, password);
    }

    /**
     * The centre sends collected bags to the case's booked manufacturer ({@code ShipmentRegistration.outbound}).
     *
     * @param temperatureProfile the product's own when not given
     */
    public RegisteredShipment shipToManufacturer(Actor person, CaseId caseId, List<UUID> bagIds, String shipperId,
            OrganisationId manufacturer, String temperatureProfile, List<Leg> legs, String place) {
        return registered(shipments.outbound(person, new ShipmentRequests.Outbound(caseId, bagIds, shipperId, manufacturer,
                temperatureProfile, legs(legs), place)));
    }

    /**
     * The manufacturer sends product bags back to the treating centre ({@code ShipmentRegistration.back}).
     *
     * @param temperatureProfile the product's own when not given
     */
    public RegisteredShipment shipBackToCentre(Actor person, CaseId caseId, String shipperId, String temperatureProfile,
            List<Leg> legs, List<ProductBag> bags, String place) {
        return registered(shipments.back(person, new ShipmentRequests.Return(caseId, shipperId, temperatureProfile,
                legs(legs), bags == null ? null : bags.stream()
                        .map(b -> new ShipmentRequests.ProductBagRequest(b.lot(), b.bagNumber())).toList(), place)));
    }

    /**
     * A hand-over of a shipment, scanned and signed by the person ({@code ShipmentMovements.handOver}).
     *
     * @param from            the person's organisation when not given
     * @param occurredAt      now when not given
     * @param expectedVersion the shipper's custody log version the person saw
     */
    public void handOver(Actor person, UUID shipmentId, OrganisationId from, OrganisationId to, String place,
            Instant occurredAt, int expectedVersion, String scanned, String password) {
        movements.handOver(person, shipmentId, new ShipmentMovements.HandOver(from, to, place, occurredAt, expectedVersion,
                scanned, password));
    }

    /**
     * A leg's departure, recorded by its courier ({@code ShipmentMovements.depart}).
     *
     * @param place      the leg's starting place when not given
     * @param occurredAt now when not given
     */
    public void depart(Actor person, UUID shipmentId, int leg, String place, Instant occurredAt, int expectedVersion) {
        movements.depart(person, shipmentId, new ShipmentMovements.Departure(leg, place, occurredAt, expectedVersion));
    }

    /**
     * The receipt at the shipment's destination, scanned against the expected COI and signed by the person
     * ({@code ShipmentMovements.receive}).
     *
     * @param occurredAt now when not given
     */
    public void receive(Actor person, UUID shipmentId, String place, Instant occurredAt, int expectedVersion,
            String scanned, String password) {
        movements.receive(person, shipmentId, new ShipmentMovements.Receipt(place, occurredAt, expectedVersion, scanned,
                password));
    }

    private static VerificationStep step(TwoPersonCheck check) {
        if (check == null) {
            return null; // refused by Verifications.open with the field named
        }
        return switch (check) {
            case COLLECTION -> VerificationStep.COLLECTION;
            case RECEIPT_AT_CENTRE -> VerificationStep.RECEIPT_AT_CENTRE;
        };
    }

    private static List<ShipmentRequests.LegRequest> legs(List<Leg> legs) {
        return legs == null ? null : legs.stream().map(l -> new ShipmentRequests.LegRequest(l.fromPlace(), l.toPlace(),
                l.courier(), l.expectedDeparture(), l.expectedArrival())).toList();
    }

    private static RegisteredShipment registered(Shipment shipment) {
        return new RegisteredShipment(shipment.id(), shipment.contents());
    }
}

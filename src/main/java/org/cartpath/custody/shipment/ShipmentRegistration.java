package org.cartpath.custody.shipment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.chain.Custody;
import org.cartpath.custody.chain.CustodyCommand;
import org.cartpath.custody.chain.CustodyEventType;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.chain.CustodyLog;
import org.cartpath.custody.chain.ItemKind;
import org.cartpath.custody.chain.ItemStatus;
import org.cartpath.custody.chain.Party;
import org.cartpath.custody.chain.Refusals;
import org.cartpath.custody.chain.VerificationStep;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.custody.internal.HardStopQuery;
import org.cartpath.custody.internal.IdentifierStore;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.PartyRole;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.BookedManufacturer;
import org.cartpath.scheduling.BookedManufacturers;
import org.cartpath.shared.Actor;
import org.cartpath.shared.EventDates;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers shipments (ADR 0016): the centre sends verified collection bags to the manufacturer; the
 * manufacturer sends the released product back. Registering creates the shipper in the custody log, records the
 * legs and the temperature profile, and makes the manufacturer and couriers parties of the case, so that they
 * see it, pseudonymised.
 *
 * <p>One manufacturer per attempt (ADR 18): the cells go to the manufacturer and site of the case's active booking,
 * never to a free choice; a different manufacturer needs a re-booking. Only that manufacturer ships the product back.
 */
@Service
public class ShipmentRegistration {

    private final CaseAccess access;
    private final CustodyLog log;
    private final IdentifierStore identifiers;
    private final HardStopQuery hardStops;
    private final ShipmentStore store;
    private final CaseJourney journey;
    private final BookedManufacturers booked;
    private final AuditTrail audit;
    private final Clock clock;

    ShipmentRegistration(CaseAccess access, CustodyLog log, IdentifierStore identifiers, HardStopQuery hardStops,
            ShipmentStore store, CaseJourney journey, BookedManufacturers booked, AuditTrail audit, Clock clock) {
        this.access = access;
        this.booked = booked;
        this.log = log;
        this.identifiers = identifiers;
        this.hardStops = hardStops;
        this.store = store;
        this.journey = journey;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Shipment outbound(Actor actor, ShipmentRequests.Outbound request) {
        List<FieldProblem> problems = ShipmentRequests.problems();
        if (request.caseId() == null) {
            problems.add(new FieldProblem("caseId", "is required"));
        }
        if (request.bagIds() == null || request.bagIds().isEmpty()) {
            problems.add(new FieldProblem("bagIds", "name the collection bags the shipper carries"));
        }
        ShipmentRequests.checkShipperId(request.shipperId(), problems);
        ShipmentRequests.checkLegs(request.legs(), problems);
        ShipmentRequests.check(problems);
        CaseView view = access.centreStaff(actor, request.caseId(), Role.CELL_THERAPY_LAB, Role.APHERESIS_NURSE);
        TherapyCase therapyCase = view.therapyCase();
        access.lock(therapyCase.id());
        hardStops.requireNone(therapyCase.id(), therapyCase.reference());
        TemperatureProfile profile = TemperatureProfiles.forProduct(therapyCase.productCode(), request.temperatureProfile());
        BookedManufacturer booking = bookedManufacturer(therapyCase, request.manufacturer());
        Party manufacturer = access.organisation(booking.manufacturerId(), "manufacturerOrganisationId");
        List<CustodyItem> bags = new ArrayList<>();
        for (UUID bagId : request.bagIds().stream().distinct().toList()) {
            CustodyItem bag = log.item(bagId);
            if (!bag.caseId().equals(therapyCase.id()) || bag.kind() != ItemKind.COLLECTION_BAG) {
                throw new NotFoundException("collection bag", bagId);
            }
            Custody custody = log.custody(bag);
            if (custody.status() != ItemStatus.HELD || !custody.custodian().id().equals(actor.organisationId())) {
                throw Refusals.rule("not-custodian", "The " + bag.label() + " is not held by " + actor.organisationName());
            }
            if (!custody.verified().contains(VerificationStep.COLLECTION)) {
                throw Refusals.rule("identity-not-verified", "The " + bag.label()
                        + " has not passed the two-person collection check; it may not leave");
            }
            bags.add(bag);
        }
        requireLegsAfterCollection(request.legs(), bags);
        List<Shipment.Leg> legs = legs(request.legs());
        Shipment shipment = register(actor, therapyCase, request.shipperId(), Shipment.Direction.TO_MANUFACTURER,
                manufacturer, booking, profile, legs, bags.stream().map(CustodyItem::id).toList(), request.place());
        journey.addParty(actor, therapyCase.id(), manufacturer.id(), PartyRole.MANUFACTURER);
        return finish(actor, therapyCase, shipment, manufacturer.name() + ", " + booking.siteName());
    }

    /**
     * The manufacturer and site of the case's active booking. A request may name the manufacturer (the API's
     * {@code manufacturerOrganisationId}); it must then be the booked one: 422 {@code manufacturer-not-booked}
     * otherwise. Without a booking nothing is shipped: 422 {@code no-booking}.
     */
    private BookedManufacturer bookedManufacturer(TherapyCase therapyCase, OrganisationId requested) {
        if (requested != null) {
            Party named = access.organisation(requested, "manufacturerOrganisationId");
            if (named.kind() != OrganisationKind.MANUFACTURER) {
                throw ProblemException.invalid("manufacturerOrganisationId", "is not a manufacturer");
            }
        }
        BookedManufacturer booking = booked.current(therapyCase.id()).orElseThrow(() -> new ProblemException("no-booking",
                422, "The request breaks a rule", "Case " + therapyCase.reference() + " has no booked manufacturing "
                + "slot: book a manufacturing slot first. The cells go to the manufacturer and site of the booking",
                List.of(new FieldProblem("manufacturerOrganisationId", "book a manufacturing slot first")), Map.of()));
        if (requested != null && !requested.equals(booking.manufacturerId())) {
            String bookedName = access.find(booking.manufacturerId()).map(o -> o.name()).orElse("another manufacturer");
            throw new ProblemException("manufacturer-not-booked", 422, "The request breaks a rule", "Case "
                    + therapyCase.reference() + " is booked at " + bookedName + " (" + booking.siteName() + "): its cells "
                    + "go there and nowhere else. A different manufacturer needs a re-booking",
                    List.of(new FieldProblem("manufacturerOrganisationId", "is not the manufacturer of the case's booking")),
                    Map.of("bookedManufacturerOrganisationId", booking.manufacturerId().toString(),
                            "bookedSiteCode", booking.siteCode()));
        }
        return booking;
    }

    @Transactional
    public Shipment back(Actor actor, ShipmentRequests.Return request) {
        List<FieldProblem> problems = ShipmentRequests.problems();
        if (request.caseId() == null) {
            problems.add(new FieldProblem("caseId", "is required"));
        }
        ShipmentRequests.checkShipperId(request.shipperId(), problems);
        ShipmentRequests.checkLegs(request.legs(), problems);
        ShipmentRequests.checkProductBags(request.productBags(), problems);
        ShipmentRequests.checkPlace("place", request.place(), problems);
        ShipmentRequests.check(problems);
        booked.requireCurrentManufacturer(actor, request.caseId(), "RETURN_SHIPMENT");
        TherapyCase therapyCase = access.view(actor, request.caseId()).therapyCase();
        boolean sentThem = store.ofCase(therapyCase.id()).stream().anyMatch(s -> s.direction() == Shipment.Direction.TO_MANUFACTURER
                && s.destination().equals(actor.organisationId()));
        if (actor.organisationKind() != OrganisationKind.MANUFACTURER || !sentThem) {
            throw ProblemException.forbidden("Only the manufacturer that received the cells sends the product back");
        }
        access.lock(therapyCase.id());
        hardStops.requireNone(therapyCase.id(), therapyCase.reference());
        if (therapyCase.stage() != Stage.RELEASED) {
            throw new ProblemException("not-released", 409, "Conflict with the current state", "Case "
                    + therapyCase.reference() + " is at stage '" + therapyCase.stage().label()
                    + "'; the product is shipped back once it is released", List.of(),
                    Map.of("currentStage", therapyCase.stage().name()));
        }
        TemperatureProfile profile = TemperatureProfiles.forProduct(therapyCase.productCode(), request.temperatureProfile());
        ChainOfIdentityId coi = identifiers.coi(therapyCase.id()).orElseThrow();
        Party maker = access.party(actor);
        Instant now = Instant.now(clock);
        List<UUID> contents = new ArrayList<>();
        for (ShipmentRequests.ProductBagRequest bag : request.productBags()) {
            CustodyItem item = CustodyItem.productBag(therapyCase.id(), coi, bag.lot(), bag.bagNumber(), now);
            log.register(actor, item, therapyCase.reference(), CustodyCommand.of(CustodyEventType.LABELLED, now, maker,
                    actor.displayName(), request.place().trim(), null, List.of(), null));
            contents.add(item.id());
        }
        Party centre = access.organisation(therapyCase.treatingCentre(), "caseId");
        Shipment shipment = register(actor, therapyCase, request.shipperId(), Shipment.Direction.TO_CENTRE, centre, null,
                profile, legs(request.legs()), contents, request.place());
        return finish(actor, therapyCase, shipment, centre.name());
    }

    private Shipment register(Actor actor, TherapyCase therapyCase, String shipperId, Shipment.Direction direction,
            Party destination, BookedManufacturer booking, TemperatureProfile profile, List<Shipment.Leg> legs,
            List<UUID> contents, String place) {
        for (Shipment.Leg leg : legs) {
            Party courier = access.organisation(leg.courier(), "legs[" + (leg.sequence() - 1) + "].courierOrganisationId");
            if (courier.kind() != OrganisationKind.COURIER) {
                throw ProblemException.invalid("legs[" + (leg.sequence() - 1) + "].courierOrganisationId", "is not a courier");
            }
        }
        ChainOfIdentityId coi = identifiers.coi(therapyCase.id()).orElseThrow(() -> ProblemException.unprocessable(
                "no-coi", "Case " + therapyCase.reference() + " has no chain of identity identifier yet"));
        Instant now = Instant.now(clock);
        CustodyItem shipper = CustodyItem.shipper(therapyCase.id(), coi, shipperId, now);
        String where = place == null || place.isBlank() ? actor.organisationName() : place.trim();
        log.register(actor, shipper, therapyCase.reference(), CustodyCommand.of(CustodyEventType.LABELLED, now,
                access.party(actor), actor.displayName(), where, null, List.of(), null));
        Shipment shipment = new Shipment(UUID.randomUUID(), therapyCase.id(), shipper.id(), shipperId, direction,
                actor.organisationId(), destination.id(), profile, now, actor.displayName(), legs, contents,
                booking == null ? null : booking.bookingId(), booking == null ? null : booking.siteCode(),
                booking == null ? null : booking.siteName());
        store.insert(shipment);
        for (Shipment.Leg leg : legs) {
            journey.addParty(actor, therapyCase.id(), leg.courier(), PartyRole.COURIER);
        }
        return shipment;
    }

    private Shipment finish(Actor actor, TherapyCase therapyCase, Shipment shipment, String destinationName) {
        journey.note(actor, therapyCase.id(), "SHIPMENT_REGISTERED", "Shipment registered: shipper " + shipment.shipperId()
                + " to " + destinationName + ", " + shipment.contents().size() + " bag(s), "
                + shipment.profile().describe());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("shipmentId", shipment.id().toString());
        view.put("shipperId", shipment.shipperId());
        view.put("direction", shipment.direction().name());
        view.put("destination", destinationName);
        view.put("bookingId", shipment.bookingId() == null ? null : shipment.bookingId().toString());
        view.put("profile", shipment.profile().describe());
        view.put("legs", shipment.legs().size());
        view.put("contents", shipment.contents().stream().map(UUID::toString).toList());
        audit.record(actor, "SHIPMENT_REGISTERED", "Shipment", shipment.id().toString(), null, view, null);
        return shipment;
    }

    /**
     * A shipment of cells is planned to leave after they were collected (docs/clinical/dates.md): a first leg
     * expected to depart before the collection of a bag it carries is refused (422 {@code shipment-before-collection}).
     */
    private void requireLegsAfterCollection(List<ShipmentRequests.LegRequest> legs, List<CustodyItem> bags) {
        for (CustodyItem bag : bags) {
            Instant collected = log.collectedAt(bag);
            EventDates.before("shipment-before-collection", "legs[0].expectedDeparture", legs.get(0).expectedDeparture(),
                    collected, "the expected departure must not be before the cells were collected (" + bag.label()
                            + " at " + collected + ")")
                    .ifPresent(refusal -> {
                        throw refusal;
                    });
        }
    }

    private static List<Shipment.Leg> legs(List<ShipmentRequests.LegRequest> requests) {
        List<Shipment.Leg> legs = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ShipmentRequests.LegRequest r = requests.get(i);
            legs.add(new Shipment.Leg(i + 1, r.fromPlace().trim(), r.toPlace().trim(), r.courier(), r.expectedDeparture(),
                    r.expectedArrival(), null, null));
        }
        return legs;
    }
}

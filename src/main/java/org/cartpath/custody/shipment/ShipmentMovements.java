package org.cartpath.custody.shipment;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.custody.chain.Custody;
import org.cartpath.custody.chain.CustodyCommand;
import org.cartpath.custody.chain.CustodyEventType;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.chain.CustodyLog;
import org.cartpath.custody.chain.Party;
import org.cartpath.custody.chain.Refusals;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.custody.internal.HardStopQuery;
import org.cartpath.custody.internal.PersonSignature;
import org.cartpath.custody.scan.Scan;
import org.cartpath.custody.scan.ScanPrompt;
import org.cartpath.custody.scan.ScanRecorder;
import org.cartpath.custody.scan.ScanRefused;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.StageTasks;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.BookedManufacturers;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Actor;
import org.cartpath.shared.EventDates;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shipper moving: handed over (scanned, and signed when a person records it), departing on a leg, received at
 * its destination (scanned against the expected COI). Each is appended to the shipper's custody log at the
 * version the caller saw, and to the log of every bag it carries. The custody rules are checked before the scan
 * is compared, so a scan is recorded whenever it was compared; a mismatch is a hard stop and changes nothing else.
 *
 * <p>A manufacturer moves a shipment only while it holds the case's booking, and a courier only a shipment it
 * carries (ADR 18): any other gets 404, as if the shipment did not exist, and the refusal is audited.
 */
@Service
public class ShipmentMovements {

    public record HandOver(OrganisationId from, OrganisationId to, String place, Instant occurredAt, Integer expectedVersion,
            String scannedIdentifier, String password) {
    }

    public record Departure(Integer leg, String place, Instant occurredAt, Integer expectedVersion) {
    }

    public record Receipt(String place, Instant occurredAt, Integer expectedVersion, String scannedIdentifier, String password) {
    }

    private final Shipments shipments;
    private final CaseAccess access;
    private final CustodyLog log;
    private final HardStopQuery hardStops;
    private final ScanRecorder scans;
    private final PersonSignature signature;
    private final ShipmentStore store;
    private final CaseJourney journey;
    private final BookedManufacturers booked;
    private final Clock clock;

    ShipmentMovements(Shipments shipments, CaseAccess access, CustodyLog log, HardStopQuery hardStops, ScanRecorder scans,
            PersonSignature signature, ShipmentStore store, CaseJourney journey, BookedManufacturers booked, Clock clock) {
        this.booked = booked;
        this.shipments = shipments;
        this.access = access;
        this.log = log;
        this.hardStops = hardStops;
        this.scans = scans;
        this.signature = signature;
        this.store = store;
        this.journey = journey;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = ScanRefused.class)
    public Shipment handOver(Actor actor, UUID shipmentId, HandOver request) {
        require(request.expectedVersion(), "expectedVersion");
        require(request.to(), "toOrganisationId");
        requireCurrentAttempt(actor, shipmentId, "HAND_OVER");
        Shipment shipment = shipments.find(actor, shipmentId);
        TherapyCase therapyCase = access.view(actor, shipment.caseId()).therapyCase();
        Party by = access.party(actor);
        Party from = request.from() == null ? by : access.organisation(request.from(), "fromOrganisationId");
        Party to = access.organisation(request.to(), "toOrganisationId");
        if (!by.is(from) && !by.is(to)) {
            throw ProblemException.forbidden("An organisation records only the hand-overs it gives or takes");
        }
        access.lock(therapyCase.id());
        hardStops.requireNone(therapyCase.id(), therapyCase.reference());
        Instant at = request.occurredAt() == null ? Instant.now(clock) : request.occurredAt();
        requireAfterCollection(shipment, at, "the hand-over");
        CustodyItem shipper = log.item(shipment.shipperItemId());
        CustodyCommand unsigned = CustodyCommand.handOver(at, by, actor.displayName(), request.place(), from, to,
                shipment.id(), shipment.shipperId(), List.of());
        precheck(shipper, request.expectedVersion(), unsigned);
        scan(actor, therapyCase, "HAND_OVER", request.scannedIdentifier());
        List<UUID> signed = signature.signIfPerson(actor, request.password(), SignatureMeaning.VERIFIED,
                record("CustodyHandOver", shipment, request.expectedVersion(), Map.of("from", from.name(), "to", to.name(),
                        "place", request.place(), "occurredAt", at.toString())));
        CustodyCommand command = CustodyCommand.handOver(at, by, actor.displayName(), request.place(), from, to,
                shipment.id(), shipment.shipperId(), signed);
        move(actor, therapyCase, shipment, request.expectedVersion(), command);
        if (shipment.direction() == Shipment.Direction.TO_MANUFACTURER && from.id().equals(therapyCase.treatingCentre())) {
            // the centre's part is done once the courier holds the cells: the task closes then, not at the manufacturer
            StageTasks.forStage(Stage.COLLECTED).ifPresent(d -> journey.closeOpenTasks(actor, therapyCase.id(), d.title()));
        }
        shipment.legs().stream().filter(l -> l.courier().equals(from.id()) && l.actualDeparture() != null && l.actualArrival() == null)
                .findFirst().ifPresent(l -> store.arrived(shipment.id(), l.sequence(), at));
        return shipments.find(actor, shipmentId);
    }

    @Transactional
    public Shipment depart(Actor actor, UUID shipmentId, Departure request) {
        require(request.expectedVersion(), "expectedVersion");
        require(request.leg(), "leg");
        requireCurrentAttempt(actor, shipmentId, "DEPARTURE");
        Shipment shipment = shipments.find(actor, shipmentId);
        TherapyCase therapyCase = access.view(actor, shipment.caseId()).therapyCase();
        Shipment.Leg leg = shipment.leg(request.leg())
                .orElseThrow(() -> ProblemException.invalid("leg", "this shipment has legs 1 to " + shipment.legs().size()));
        if (!leg.courier().equals(actor.organisationId())) {
            throw ProblemException.forbidden("Only the courier of leg " + leg.sequence() + " records its departure");
        }
        if (leg.actualDeparture() != null) {
            throw ProblemException.conflict("already-departed", "Leg " + leg.sequence() + " departed at " + leg.actualDeparture());
        }
        access.lock(therapyCase.id());
        Instant at = request.occurredAt() == null ? Instant.now(clock) : request.occurredAt();
        String place = request.place() == null || request.place().isBlank() ? leg.fromPlace() : request.place();
        requireAfterCollection(shipment, at, "the departure");
        move(actor, therapyCase, shipment, request.expectedVersion(), CustodyCommand.of(CustodyEventType.SHIPPED, at,
                access.party(actor), actor.displayName(), place, shipment.id(), List.of(), null));
        store.departed(shipment.id(), leg.sequence(), at);
        return shipments.find(actor, shipmentId);
    }

    @Transactional(noRollbackFor = ScanRefused.class)
    public Shipment receive(Actor actor, UUID shipmentId, Receipt request) {
        require(request.expectedVersion(), "expectedVersion");
        requireCurrentAttempt(actor, shipmentId, "RECEIPT");
        Shipment shipment = shipments.find(actor, shipmentId);
        TherapyCase therapyCase = access.view(actor, shipment.caseId()).therapyCase();
        if (!shipment.destination().equals(actor.organisationId())) {
            throw ProblemException.forbidden("Only the shipment's destination receives it");
        }
        access.lock(therapyCase.id());
        hardStops.requireNone(therapyCase.id(), therapyCase.reference());
        Instant at = request.occurredAt() == null ? Instant.now(clock) : request.occurredAt();
        requireAfterCollection(shipment, at, "the receipt");
        CustodyItem shipper = log.item(shipment.shipperItemId());
        Party by = access.party(actor);
        precheck(shipper, request.expectedVersion(), CustodyCommand.of(CustodyEventType.RECEIVED, at, by,
                actor.displayName(), request.place(), shipment.id(), List.of(), null));
        scan(actor, therapyCase, "RECEIPT", request.scannedIdentifier());
        List<UUID> signed = signature.signIfPerson(actor, request.password(), SignatureMeaning.VERIFIED,
                record("CustodyReceipt", shipment, request.expectedVersion(), Map.of("place", request.place(),
                        "occurredAt", at.toString())));
        move(actor, therapyCase, shipment, request.expectedVersion(), CustodyCommand.of(CustodyEventType.RECEIVED, at, by,
                actor.displayName(), request.place(), shipment.id(), signed, null));
        shipment.legs().stream().reduce((a, b) -> b).ifPresent(l -> store.arrived(shipment.id(), l.sequence(), at));
        if (shipment.direction() == Shipment.Direction.TO_MANUFACTURER && therapyCase.stage() == Stage.COLLECTED) {
            journey.advance(actor, therapyCase.id(), Stage.IN_MANUFACTURING, "Cells received by " + actor.organisationName()
                    + " (shipper " + shipment.shipperId() + ")");
        }
        return shipments.find(actor, shipmentId);
    }

    /**
     * Cells cannot move before they were collected (docs/clinical/dates.md): a hand-over, departure or receipt of
     * the cells going to the manufacturer dated before the collection of a bag it carries is refused, naming the
     * bag and its collection time (422 {@code shipment-before-collection}).
     */
    private void requireAfterCollection(Shipment shipment, Instant at, String what) {
        if (shipment.direction() != Shipment.Direction.TO_MANUFACTURER) {
            return;
        }
        for (UUID content : shipment.contents()) {
            CustodyItem bag = log.item(content);
            Instant collected = log.collectedAt(bag);
            EventDates.before("shipment-before-collection", "occurredAt", at, collected, what
                    + " must not be before the cells were collected (" + bag.label() + " at " + collected + ")")
                    .ifPresent(refusal -> {
                        throw refusal;
                    });
        }
    }

    /**
     * A manufacturer acts on a shipment only while it holds the case's active booking and sends or receives this
     * shipment; a courier only on a shipment it carries. Anyone else of those kinds: 404 and an audited refusal.
     * Centre staff pass: the steps' own rules apply to them.
     */
    private void requireCurrentAttempt(Actor actor, UUID shipmentId, String action) {
        Shipment shipment = store.find(shipmentId).orElse(null);
        if (shipment == null || actor.organisationId() == null) {
            return; // the ordinary 404 and 403 answers follow
        }
        if (actor.organisationKind() == OrganisationKind.MANUFACTURER) {
            if (!shipment.involves(actor.organisationId())) {
                throw booked.refused(actor, shipment.caseId(), action, "the manufacturer neither sends nor receives "
                        + "shipment " + shipment.shipperId(), new NotFoundException("shipment", shipmentId));
            }
            boolean current = booked.current(shipment.caseId())
                    .filter(b -> b.manufacturerId().equals(actor.organisationId())).isPresent();
            if (!current) {
                throw booked.refused(actor, shipment.caseId(), action, "another manufacturer holds the case's booking",
                        new NotFoundException("shipment", shipmentId));
            }
        } else if (actor.organisationKind() == OrganisationKind.COURIER && !shipment.carriedBy(actor.organisationId())) {
            throw booked.refused(actor, shipment.caseId(), action, "the courier carries no leg of shipment "
                    + shipment.shipperId(), new NotFoundException("shipment", shipmentId));
        }
    }

    /** The custody rules and the version, checked before anything is recorded. */
    private void precheck(CustodyItem shipper, int expectedVersion, CustodyCommand command) {
        Custody custody = log.custody(shipper);
        if (custody.version() != expectedVersion) {
            throw Refusals.versionConflict(expectedVersion, custody.version());
        }
        custody.decide(command, Instant.now(clock));
    }

    private Scan scan(Actor actor, TherapyCase therapyCase, String purpose, String scanned) {
        if (scanned == null || scanned.isEmpty()) {
            throw ProblemException.invalid("scannedIdentifier", "scan the COI on the shipper");
        }
        Scan scan = scans.record(actor, therapyCase, null, purpose, ScanPrompt.SHIPPER_COI,
                scans.comparisonFor(therapyCase, null), scanned);
        ScanRefused refused = ScanRecorder.refusal(scan, ScanRecorder.unreadableType(scanned));
        if (refused != null) {
            throw refused;
        }
        return scan;
    }

    /** The shipper at the version the caller saw, then every bag it carries at its current version. */
    private void move(Actor actor, TherapyCase therapyCase, Shipment shipment, int expectedVersion, CustodyCommand command) {
        log.append(actor, log.item(shipment.shipperItemId()), therapyCase.reference(), expectedVersion, command);
        for (UUID content : shipment.contents()) {
            log.appendCurrent(actor, log.item(content), therapyCase.reference(), command);
        }
    }

    private static SignedRecord record(String type, Shipment shipment, int version, Map<String, Object> details) {
        Map<String, Object> content = new LinkedHashMap<>(details);
        content.put("shipmentId", shipment.id().toString());
        content.put("shipperId", shipment.shipperId());
        content.put("version", version);
        return new SignedRecord(type, shipment.id() + ":" + version, content);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required");
        }
    }
}

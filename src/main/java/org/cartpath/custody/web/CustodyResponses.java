package org.cartpath.custody.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.chain.Custody;
import org.cartpath.custody.chain.CustodyEvent;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.chain.RecordedEvent;
import org.cartpath.custody.overview.CaseCustody;
import org.cartpath.custody.shipment.Shipment;
import org.cartpath.custody.telemetry.Excursion;
import org.cartpath.custody.telemetry.TemperatureSeries;

/**
 * The API's custody answers. They carry identifiers of the cells (COI, DIN, lot), the product, dates, places and
 * organisations, and never the patient: no patient id, name, NHS number, date of birth or address exists in
 * custody's answers, and free-text notes are withheld from manufacturers and couriers.
 */
final class CustodyResponses {

    private CustodyResponses() {
    }

    record Coi(String barcodeData, String content, String eyeReadable, String checkCharacter) {
        static Coi of(ChainOfIdentityId coi) {
            return coi == null ? null : new Coi(coi.barcodeData(), coi.content(), coi.eyeReadable(),
                    String.valueOf(coi.checkCharacter()));
        }
    }

    record Holder(String organisationId, String name) {
    }

    record Event(int version, String type, Instant occurredAt, Instant recordedAt, String actorName, String organisationName,
            String place, String toOrganisationName, UUID shipmentId, String shipperId, String verificationStep,
            int signatures, String note) {
        static Event of(RecordedEvent recorded, boolean identityVisible) {
            CustodyEvent e = recorded.event();
            return new Event(e.version(), e.type().name(), e.occurredAt(), recorded.recordedAt(), e.actorName(),
                    e.by().name(), e.place(), e.to() == null ? null : e.to().name(), e.shipmentId(), e.shipperId(),
                    e.step() == null ? null : e.step().name(), e.signatureIds().size(), identityVisible ? e.note() : null);
        }
    }

    record Item(UUID id, UUID caseId, String kind, Coi coi, String din, String dinEyeReadable, String shipperId, String lot,
            Integer bagNumber, LocalDate collectionDate, int version, String status, Holder custodian, String place,
            Instant since, List<String> verified, List<Event> events) {
        static Item of(CustodyItem item, Custody custody, List<Event> events) {
            return new Item(item.id(), item.caseId().value(), item.kind().name(), Coi.of(item.coi()),
                    item.din() == null ? null : item.din().value(), item.din() == null ? null : item.din().eyeReadable(),
                    item.shipperId(), item.lot(), item.bagNumber(), item.collectionDate(), custody.version(),
                    custody.status().name(), custody.custodian() == null ? null
                            : new Holder(custody.custodian().id().toString(), custody.custodian().name()),
                    custody.place(), custody.since(), custody.verified().stream().map(Enum::name).sorted().toList(), events);
        }
    }

    record TimelineRow(Instant at, UUID itemId, String item, int version, String type, String actorName,
            String organisationName, String place, String custodianName, Long heldForMinutes, String shipperId,
            UUID shipmentId, String temperatureStatus, int signatures, String note) {
        static TimelineRow of(CaseCustody.TimelineRow r) {
            return new TimelineRow(r.at(), r.itemId(), r.item(), r.version(), r.type().name(), r.actorName(),
                    r.organisationName(), r.place(), r.custodianName(), r.heldFor() == null ? null : r.heldFor().toMinutes(),
                    r.shipperId(), r.shipmentId(), r.temperature() == null ? null : r.temperature().name(), r.signatures(),
                    r.note());
        }
    }

    record Profile(String name, BigDecimal minCelsius, BigDecimal maxCelsius, String description, String source) {
    }

    record Leg(int sequence, String fromPlace, String toPlace, String courierOrganisationId, Instant expectedDeparture,
            Instant expectedArrival, Instant actualDeparture, Instant actualArrival) {
    }

    record Temperature(long readings, Instant first, Instant last, BigDecimal lowest, BigDecimal highest, String status,
            List<ExcursionView> excursions) {
    }

    record ExcursionView(String loggerId, Instant startedAt, Instant endedAt, long minutes, BigDecimal extremeCelsius) {
        static ExcursionView of(Excursion e) {
            return new ExcursionView(e.loggerId(), e.startedAt(), e.endedAt(), e.duration().toMinutes(), e.extremeCelsius());
        }
    }

    /** The booked manufacturing site cells go to (ADR 18). */
    record Site(String code, String name) {
    }

    /** @param destinationSite for cells to the manufacturer, the site of the booking; null for the product back */
    record ShipmentView(UUID id, UUID caseId, String caseReference, Coi coi, String shipperId, UUID shipperItemId,
            int shipperVersion, String direction, Holder origin, Holder destination, Site destinationSite,
            UUID bookingId, Profile temperatureProfile, List<Leg> legs, List<UUID> contents, Temperature temperature) {
        static ShipmentView of(CaseCustody.ShipmentState state, String reference, ChainOfIdentityId coi,
                TemperatureSeries.Summary summary, List<Excursion> excursions) {
            Shipment s = state.shipment();
            return new ShipmentView(s.id(), s.caseId().value(), reference, Coi.of(coi), s.shipperId(), s.shipperItemId(),
                    state.shipperVersion(), s.direction().name(), new Holder(s.origin().toString(), state.originName()),
                    new Holder(s.destination().toString(), state.destinationName()),
                    s.destinationSiteCode() == null ? null : new Site(s.destinationSiteCode(), s.destinationSiteName()),
                    s.bookingId(),
                    new Profile(s.profile().name(), s.profile().minCelsius(), s.profile().maxCelsius(),
                            s.profile().describe(), s.profile().source()),
                    s.legs().stream().map(l -> new Leg(l.sequence(), l.fromPlace(), l.toPlace(), l.courier().toString(),
                            l.expectedDeparture(), l.expectedArrival(), l.actualDeparture(), l.actualArrival())).toList(),
                    s.contents(), new Temperature(summary.readings(), summary.first(), summary.last(), summary.lowest(),
                            summary.highest(), state.temperature().name(),
                            excursions.stream().map(ExcursionView::of).toList()));
        }
    }

    record ShipmentSummary(UUID id, String shipperId, String direction, String originName, String destinationName,
            int shipperVersion, long readings, String temperatureStatus, int excursions) {
        static ShipmentSummary of(CaseCustody.ShipmentState s) {
            return new ShipmentSummary(s.shipment().id(), s.shipment().shipperId(), s.shipment().direction().name(),
                    s.originName(), s.destinationName(), s.shipperVersion(), s.readings(), s.temperature().name(),
                    s.excursions());
        }
    }

    record CaseChain(UUID caseId, String caseReference, String productCode, Coi coi, boolean stopped, boolean flagged,
            List<Item> items, List<TimelineRow> timeline, List<ShipmentSummary> shipments) {
    }
}

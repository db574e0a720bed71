package org.cartpath.custody.overview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.custody.chain.Custody;
import org.cartpath.custody.chain.CustodyEvent;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.chain.ItemStore;
import org.cartpath.custody.chain.RecordedEvent;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.custody.internal.HardStopQuery;
import org.cartpath.custody.internal.IdentifierStore;
import org.cartpath.custody.scan.HardStopOverrides;
import org.cartpath.custody.shipment.Shipment;
import org.cartpath.custody.shipment.Shipments;
import org.cartpath.custody.telemetry.TelemetryIngest;
import org.cartpath.custody.telemetry.TemperatureSeries;
import org.cartpath.identity.Organisation;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds a case's chain of custody (ADR 0016) for whoever may see the case. */
@Service
public class CustodyOverview {

    private final CaseAccess access;
    private final IdentifierStore identifiers;
    private final ItemStore items;
    private final Shipments shipments;
    private final TemperatureSeries series;
    private final TelemetryIngest telemetry;
    private final HardStopQuery hardStops;
    private final HardStopOverrides overrides;
    private final Clock clock;

    CustodyOverview(CaseAccess access, IdentifierStore identifiers, ItemStore items, Shipments shipments,
            TemperatureSeries series, TelemetryIngest telemetry, HardStopQuery hardStops, HardStopOverrides overrides,
            Clock clock) {
        this.access = access;
        this.identifiers = identifiers;
        this.items = items;
        this.shipments = shipments;
        this.series = series;
        this.telemetry = telemetry;
        this.hardStops = hardStops;
        this.overrides = overrides;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CaseCustody of(Actor actor, CaseId caseId) {
        CaseView view = access.view(actor, caseId);
        List<CustodyItem> caseItems = items.itemsOfCase(caseId);
        Map<UUID, List<RecordedEvent>> events = items.events(caseItems.stream().map(CustodyItem::id).toList());
        List<CaseCustody.ItemState> states = caseItems.stream().map(item -> new CaseCustody.ItemState(item,
                Custody.replay(item.id(), item.kind(), events.get(item.id()).stream().map(RecordedEvent::event).toList())))
                .toList();
        List<CaseCustody.ShipmentState> shipmentStates = shipments.ofCase(actor, caseId).stream()
                .map(s -> shipmentState(s, events)).toList();
        Map<UUID, CaseCustody.TemperatureStatus> temperatures = new HashMap<>();
        shipmentStates.forEach(s -> temperatures.put(s.shipment().id(), s.temperature()));
        List<CaseCustody.TimelineRow> timeline = timeline(caseItems, events, temperatures, view.identityVisible());
        return new CaseCustody(caseId, view.therapyCase().reference(), view.therapyCase().productCode(),
                identifiers.coi(caseId).orElse(null), view.visibility(), states, timeline, shipmentStates,
                !hardStops.openStops(caseId).isEmpty(), !overrides.ofCase(caseId).isEmpty());
    }

    /** A shipment with its names, the shipper's version and its temperature status, for its page. */
    @Transactional(readOnly = true)
    public CaseCustody.ShipmentState shipment(Actor actor, UUID shipmentId) {
        Shipment shipment = shipments.find(actor, shipmentId);
        return shipmentState(shipment, items.events(List.of(shipment.shipperItemId())));
    }

    private CaseCustody.ShipmentState shipmentState(Shipment shipment, Map<UUID, List<RecordedEvent>> events) {
        TemperatureSeries.Summary summary = series.summary(shipment);
        int excursions = telemetry.excursions(shipment.id()).size();
        CaseCustody.TemperatureStatus status = summary.readings() == 0 ? CaseCustody.TemperatureStatus.NO_READINGS
                : excursions > 0 ? CaseCustody.TemperatureStatus.EXCURSION : CaseCustody.TemperatureStatus.IN_RANGE;
        List<RecordedEvent> shipperEvents = events.getOrDefault(shipment.shipperItemId(), List.of());
        return new CaseCustody.ShipmentState(shipment, name(shipment.origin()), name(shipment.destination()),
                shipperEvents.size(), summary.readings(), status, excursions);
    }

    private List<CaseCustody.TimelineRow> timeline(List<CustodyItem> caseItems, Map<UUID, List<RecordedEvent>> events,
            Map<UUID, CaseCustody.TemperatureStatus> temperatures, boolean identityVisible) {
        List<CaseCustody.TimelineRow> rows = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (CustodyItem item : caseItems) {
            List<RecordedEvent> log = events.get(item.id());
            for (int i = 0; i < log.size(); i++) {
                CustodyEvent e = log.get(i).event();
                String custodian = e.newCustodian() == null ? null : e.newCustodian().name();
                Duration heldFor = custodian == null ? null : Duration.between(e.occurredAt(), nextChange(log, i, now));
                rows.add(new CaseCustody.TimelineRow(e.occurredAt(), item.id(), item.label(), e.version(), e.type(),
                        e.actorName(), e.by().name(), e.place(), custodian, heldFor, e.shipperId(), e.shipmentId(),
                        e.shipmentId() == null ? null : temperatures.get(e.shipmentId()), e.signatureIds().size(),
                        identityVisible ? e.note() : null));
            }
        }
        rows.sort(Comparator.comparing(CaseCustody.TimelineRow::at).thenComparing(CaseCustody.TimelineRow::item)
                .thenComparing(CaseCustody.TimelineRow::version));
        return rows;
    }

    /** When the holder who took the item at event {@code index} gave it up: the next change, a closing event, or now. */
    private static Instant nextChange(List<RecordedEvent> log, int index, Instant now) {
        for (int j = index + 1; j < log.size(); j++) {
            CustodyEvent later = log.get(j).event();
            if (later.newCustodian() != null || later.type().closesItem()) {
                return later.occurredAt();
            }
        }
        return now;
    }

    private String name(OrganisationId id) {
        return access.find(id).map(Organisation::name).orElse("(inactive organisation)");
    }
}

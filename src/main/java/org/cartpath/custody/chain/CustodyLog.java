package org.cartpath.custody.chain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.custody.internal.HardStopQuery;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to an item's custody log: replays the item's events, checks the version the caller last saw
 * (optimistic: two appends at the same version, one wins, the other gets 409 with the current version), lets
 * {@link Custody#decide} apply the rules, stores the event and audits it. Callers check who may act for the
 * case; this checks what may happen to the item.
 */
@Service
public class CustodyLog {

    public record Appended(CustodyItem item, RecordedEvent recorded, Custody custody) {
    }

    private final ItemStore store;
    private final HardStopQuery hardStops;
    private final AuditTrail audit;
    private final Clock clock;

    CustodyLog(ItemStore store, HardStopQuery hardStops, AuditTrail audit, Clock clock) {
        this.store = store;
        this.hardStops = hardStops;
        this.audit = audit;
        this.clock = clock;
    }

    public CustodyItem item(UUID itemId) {
        return store.item(itemId).orElseThrow(() -> new NotFoundException("custody item", itemId));
    }

    public List<CustodyItem> items(CaseId caseId) {
        return store.itemsOfCase(caseId);
    }

    /** Items with their custody, in the order of {@code ids}. */
    public List<Map.Entry<CustodyItem, Custody>> itemsWithCustody(List<UUID> ids) {
        Map<UUID, List<RecordedEvent>> events = store.events(ids);
        return store.items(ids).stream().map(item -> Map.entry(item, Custody.replay(item.id(), item.kind(),
                events.get(item.id()).stream().map(RecordedEvent::event).toList()))).toList();
    }

    public Custody custody(CustodyItem item) {
        return Custody.replay(item.id(), item.kind(), store.events(item.id()).stream().map(RecordedEvent::event).toList());
    }

    /**
     * When a collection bag's cells were collected: the time of its first event, LABELLED, which the collection
     * records at the collection time (the bag is labelled as it is filled).
     */
    public Instant collectedAt(CustodyItem bag) {
        return store.events(bag.id()).stream().findFirst().map(e -> e.event().occurredAt()).orElse(bag.createdAt());
    }

    /** Registers a new item and records its first event, LABELLED. */
    @Transactional
    public Appended register(Actor actor, CustodyItem item, String caseReference, CustodyCommand labelled) {
        store.insert(item, actor.displayName());
        return append(actor, item, caseReference, 0, labelled);
    }

    /** Appends after {@code expectedVersion}; 409 {@code custody-version-conflict} if the log has moved on. */
    @Transactional
    public Appended append(Actor actor, CustodyItem item, String caseReference, int expectedVersion, CustodyCommand command) {
        hardStops.requireNone(item.caseId(), caseReference);
        List<CustodyEvent> events = store.events(item.id()).stream().map(RecordedEvent::event).toList();
        Custody before = Custody.replay(item.id(), item.kind(), events);
        if (before.version() != expectedVersion) {
            throw Refusals.versionConflict(expectedVersion, before.version());
        }
        Instant now = Instant.now(clock);
        CustodyEvent event = before.decide(command, now);
        RecordedEvent recorded = ItemStore.recorded(item.id(), event, actor, now);
        if (!store.append(recorded)) {
            throw Refusals.versionConflict(expectedVersion, store.currentVersion(item.id()));
        }
        audit.record(actor, "CUSTODY_" + event.type().name(), "CustodyItem", item.id().toString(), null,
                auditView(item, event), event.note());
        return new Appended(item, recorded, before.apply(event));
    }

    /** Appends at whatever version the item is at now: for the items carried in a shipper, moved with it. */
    @Transactional
    public Appended appendCurrent(Actor actor, CustodyItem item, String caseReference, CustodyCommand command) {
        return append(actor, item, caseReference, store.currentVersion(item.id()), command);
    }

    private static Map<String, Object> auditView(CustodyItem item, CustodyEvent e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("item", item.label());
        view.put("coi", item.coi().content());
        view.put("version", e.version());
        view.put("type", e.type().name());
        view.put("occurredAt", e.occurredAt().toString());
        view.put("organisation", e.by().name());
        view.put("place", e.place());
        view.put("to", e.to() == null ? null : e.to().name());
        view.put("shipmentId", e.shipmentId() == null ? null : e.shipmentId().toString());
        view.put("step", e.step() == null ? null : e.step().name());
        view.put("signatureIds", e.signatureIds().stream().map(UUID::toString).toList());
        return view;
    }
}

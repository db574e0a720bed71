package org.cartpath.custody;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.custody.chain.Custody;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.chain.ItemKind;
import org.cartpath.custody.chain.ItemStore;
import org.cartpath.custody.chain.RecordedEvent;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.custody.internal.HardStopQuery;
import org.cartpath.custody.internal.IdentifierStore;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What later stages ask of the chain of custody. The treatment module requires a completed two-person bedside
 * check before an infusion is recorded, and refuses while the case has an open identity hard stop.
 */
@Service
public class ChainOfCustody {

    /**
     * A completed bedside check: the product bag checked against the patient's wristband by two people.
     *
     * @param coi the chain of identity the bag carries (the case's: a bag of another patient stops the check)
     */
    public record BedsideCheck(UUID verificationId, UUID productBagId, String productBag, Instant completedAt, String lot,
            int bagNumber, String coi, UUID firstCheckerId, String firstCheckerName, UUID secondCheckerId,
            String secondCheckerName) {
    }

    private final CaseAccess access;
    private final HardStopQuery hardStops;
    private final JdbcClient jdbc;
    private final ItemStore items;
    private final IdentifierStore identifiers;

    ChainOfCustody(CaseAccess access, HardStopQuery hardStops, JdbcClient jdbc, ItemStore items,
            IdentifierStore identifiers) {
        this.identifiers = identifiers;
        this.access = access;
        this.hardStops = hardStops;
        this.jdbc = jdbc;
        this.items = items;
    }

    /**
     * The bags of a case's cells (collection bags and product bags, not shippers), oldest first, for any party of the
     * case (404 for anyone else); manufacturers and couriers see them too, as they carry no patient identity.
     */
    @Transactional(readOnly = true)
    public List<CellProduct> cellProducts(Actor actor, CaseId caseId) {
        access.view(actor, caseId);
        return items.itemsOfCase(caseId).stream().filter(i -> i.kind() != ItemKind.SHIPPER).map(this::cellProduct)
                .toList();
    }

    /** One bag of cells by its id, for any party of its case; 404 for anyone else and for a shipper's id. */
    @Transactional(readOnly = true)
    public CellProduct cellProduct(Actor actor, UUID itemId) {
        CustodyItem item = items.item(itemId).filter(i -> i.kind() != ItemKind.SHIPPER)
                .orElseThrow(() -> new NotFoundException("product", itemId));
        access.view(actor, item.caseId());
        return cellProduct(item);
    }

    /**
     * The bags of cells a chain-of-identity identifier (all the bags of its case) or a DIN (its collection bag) names,
     * for any party of their case; for anyone else, and for an identifier nobody was given, none: a search finds
     * nothing the actor may not see, and says nothing of whether it exists.
     */
    public List<CellProduct> cellProductsNamed(Actor actor, ChainOfIdentityId coi, Din din) {
        Optional<CaseId> caseId = coi != null ? identifiers.caseOf(coi) : din != null ? items.caseOfDin(din) : Optional.empty();
        if (caseId.isEmpty()) {
            return List.of();
        }
        if (!access.sees(actor, caseId.get())) {
            return List.of();
        }
        return items.itemsOfCase(caseId.get()).stream().filter(i -> i.kind() != ItemKind.SHIPPER)
                .filter(i -> din == null || din.equals(i.din())).map(this::cellProduct).toList();
    }

    /**
     * The custody log of one bag of cells, oldest step first, for any party of its case (404 for anyone else and for a
     * shipper's id), without the steps' free-text notes.
     */
    @Transactional(readOnly = true)
    public List<CustodyRecord> custodyLog(Actor actor, UUID itemId) {
        CustodyItem item = items.item(itemId).filter(i -> i.kind() != ItemKind.SHIPPER)
                .orElseThrow(() -> new NotFoundException("product", itemId));
        access.view(actor, item.caseId());
        return items.events(itemId).stream().map(recorded -> {
            var e = recorded.event();
            return new CustodyRecord(itemId, e.version(), e.type().name(), e.type().label(), e.occurredAt(), e.by().id(),
                    e.by().name(), e.actorName(), e.place(), e.to() == null ? null : e.to().id(),
                    e.to() == null ? null : e.to().name(), recorded.recordedAt());
        }).toList();
    }

    private CellProduct cellProduct(CustodyItem item) {
        Custody custody = Custody.replay(item.id(), item.kind(),
                items.events(item.id()).stream().map(RecordedEvent::event).toList());
        return new CellProduct(item.id(), item.caseId(), item.kind() == ItemKind.COLLECTION_BAG
                ? CellProduct.Kind.COLLECTION_BAG : CellProduct.Kind.PRODUCT_BAG, item.coi(), item.din(), item.lot(),
                item.bagNumber(), item.collectionDate(), !custody.status().isClosed(), item.createdAt());
    }

    /** The latest completed bedside check of the case, if any (404 for anyone who may not see the case). */
    @Transactional(readOnly = true)
    public Optional<BedsideCheck> bedsideCheck(Actor actor, CaseId caseId) {
        access.view(actor, caseId);
        return jdbc.sql("""
                select v.id, v.item_id, i.lot, i.bag_number, v.completed_at, i.coi, v.first_user_id, s1.printed_name,
                    v.second_user_id, s2.printed_name
                from custody_verification v
                join custody_item i on i.id = v.item_id
                left join electronic_signature s1 on s1.id = v.first_signature_id
                left join electronic_signature s2 on s2.id = v.second_signature_id
                where v.case_id = ? and v.step = 'BEDSIDE' and v.status = 'COMPLETED'
                order by v.completed_at desc limit 1""").param(caseId.value())
                .query((row, n) -> new BedsideCheck(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        "lot " + row.getString(3) + " bag " + row.getInt(4), row.getTimestamp(5).toInstant(),
                        row.getString(3), row.getInt(4), row.getString(6), row.getObject(7, UUID.class), row.getString(8),
                        row.getObject(9, UUID.class), row.getString(10)))
                .optional();
    }

    @Transactional(readOnly = true)
    public boolean bedsideVerified(Actor actor, CaseId caseId) {
        return bedsideCheck(actor, caseId).isPresent();
    }

    /**
     * When the case's cells were last collected: the collection time of its latest collection bag (the product is
     * made from it), for the date rules of later steps (docs/clinical/dates.md). Empty before any collection.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> lastCollectedAt(Actor actor, CaseId caseId) {
        access.view(actor, caseId);
        return jdbc.sql("""
                select max(e.occurred_at) from custody_event e join custody_item i on i.id = e.item_id
                where i.case_id = ? and i.kind = 'COLLECTION_BAG' and e.type = 'LABELLED'""").param(caseId.value())
                .query((row, n) -> Optional.ofNullable(row.getTimestamp(1))).single().map(java.sql.Timestamp::toInstant);
    }

    /**
     * When the product was first received at the treating centre: the earliest receipt of one of the case's product
     * bags. Empty before any receipt.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> productReceivedAt(Actor actor, CaseId caseId) {
        access.view(actor, caseId);
        return jdbc.sql("""
                select min(e.occurred_at) from custody_event e join custody_item i on i.id = e.item_id
                where i.case_id = ? and i.kind = 'PRODUCT_BAG' and e.type = 'RECEIVED'""").param(caseId.value())
                .query((row, n) -> Optional.ofNullable(row.getTimestamp(1))).single().map(java.sql.Timestamp::toInstant);
    }

    /** Whether a scan mismatch has stopped the case and QA has not yet overridden it. */
    @Transactional(readOnly = true)
    public boolean identityStopped(Actor actor, CaseId caseId) {
        access.view(actor, caseId);
        return !hardStops.openStops(caseId).isEmpty();
    }
}

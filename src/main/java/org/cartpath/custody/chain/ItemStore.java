package org.cartpath.custody.chain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Items and their event logs: insert-only SQL (the tables refuse UPDATE and DELETE, ADR 0002). */
@Repository
public class ItemStore {

    private static final String ITEM_COLUMNS = "id, case_id, coi, kind, din, shipper_id, lot, bag_number, collection_date, created_at";

    private final JdbcClient jdbc;

    ItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CustodyItem item, String createdBy) {
        jdbc.sql("insert into custody_item (" + ITEM_COLUMNS + ", created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(item.id(), item.caseId().value(), item.coi().content(), item.kind().name(),
                        item.din() == null ? null : item.din().value(), item.shipperId(), item.lot(), item.bagNumber(),
                        item.collectionDate(), Timestamp.from(item.createdAt()), createdBy)
                .update();
    }

    public Optional<CustodyItem> item(UUID id) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from custody_item where id = ?").param(id).query(ItemStore::item).optional();
    }

    public List<CustodyItem> itemsOfCase(CaseId caseId) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from custody_item where case_id = ? order by created_at, kind, lot, bag_number")
                .param(caseId.value()).query(ItemStore::item).list();
    }

    public List<CustodyItem> items(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + ITEM_COLUMNS + " from custody_item where id = any(?) order by created_at")
                .param(ids.toArray(UUID[]::new)).query(ItemStore::item).list();
    }

    public Optional<CaseId> caseOfDin(Din din) {
        return jdbc.sql("select case_id from custody_item where din = ?").param(din.value())
                .query((row, n) -> new CaseId(row.getObject(1, UUID.class))).optional();
    }

    public List<RecordedEvent> events(UUID itemId) {
        return jdbc.sql("select * from custody_event where item_id = ? order by version").param(itemId)
                .query(ItemStore::event).list();
    }

    /** The events of many items, each list in version order. */
    public Map<UUID, List<RecordedEvent>> events(Collection<UUID> itemIds) {
        Map<UUID, List<RecordedEvent>> byItem = new LinkedHashMap<>();
        itemIds.forEach(id -> byItem.put(id, new ArrayList<>()));
        if (!itemIds.isEmpty()) {
            jdbc.sql("select * from custody_event where item_id = any(?) order by item_id, version")
                    .param(itemIds.toArray(UUID[]::new)).query(ItemStore::event).list()
                    .forEach(e -> byItem.get(e.itemId()).add(e));
        }
        return byItem;
    }

    public int currentVersion(UUID itemId) {
        return jdbc.sql("select coalesce(max(version), 0) from custody_event where item_id = ?").param(itemId)
                .query(Integer.class).single();
    }

    /**
     * Appends an event at its version. Returns false, changing nothing, when that version is taken: another
     * append won (UNIQUE (item_id, version)); an append still in flight is waited for.
     */
    public boolean append(RecordedEvent recorded) {
        CustodyEvent e = recorded.event();
        return jdbc.sql("""
                insert into custody_event (id, item_id, version, type, occurred_at, recorded_at, actor_id, actor_type,
                    actor_name, organisation_id, organisation_name, organisation_kind, place, to_organisation_id,
                    to_organisation_name, to_organisation_kind, shipment_id, shipper_id, verification_step,
                    signature_ids, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (item_id, version) do nothing""")
                .params(recorded.id(), recorded.itemId(), e.version(), e.type().name(), Timestamp.from(e.occurredAt()),
                        Timestamp.from(recorded.recordedAt()), recorded.actorId(), recorded.actorType(), e.actorName(),
                        e.by().id().value(), e.by().name(), kindName(e.by()), e.place(),
                        e.to() == null ? null : e.to().id().value(), e.to() == null ? null : e.to().name(),
                        e.to() == null ? null : kindName(e.to()), e.shipmentId(), e.shipperId(),
                        e.step() == null ? null : e.step().name(), e.signatureIds().toArray(UUID[]::new), e.note())
                .update() == 1;
    }

    public static RecordedEvent recorded(UUID itemId, CustodyEvent event, Actor actor, Instant at) {
        return new RecordedEvent(UUID.randomUUID(), itemId, event, actor.id(), actor.type().name(), at);
    }

    private static String kindName(Party party) {
        return party.kind() == null ? null : party.kind().name();
    }

    private static CustodyItem item(ResultSet row, int n) throws SQLException {
        String din = row.getString("din");
        java.sql.Date collected = row.getDate("collection_date");
        return new CustodyItem(row.getObject("id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
                new ChainOfIdentityId(row.getString("coi")), ItemKind.valueOf(row.getString("kind")),
                din == null ? null : new Din(din), row.getString("shipper_id"), row.getString("lot"),
                (Integer) row.getObject("bag_number"), collected == null ? null : collected.toLocalDate(),
                row.getTimestamp("created_at").toInstant());
    }

    private static RecordedEvent event(ResultSet row, int n) throws SQLException {
        Party by = party(row, "organisation");
        Party to = party(row, "to_organisation");
        String step = row.getString("verification_step");
        Array signatures = row.getArray("signature_ids");
        CustodyEvent event = new CustodyEvent(row.getInt("version"), CustodyEventType.valueOf(row.getString("type")),
                row.getTimestamp("occurred_at").toInstant(), by, row.getString("actor_name"), row.getString("place"), to,
                row.getObject("shipment_id", UUID.class), row.getString("shipper_id"),
                step == null ? null : VerificationStep.valueOf(step),
                signatures == null ? List.of() : Arrays.asList((UUID[]) signatures.getArray()), row.getString("note"));
        return new RecordedEvent(row.getObject("id", UUID.class), row.getObject("item_id", UUID.class), event,
                row.getString("actor_id"), row.getString("actor_type"), row.getTimestamp("recorded_at").toInstant());
    }

    private static Party party(ResultSet row, String prefix) throws SQLException {
        UUID id = row.getObject(prefix + "_id", UUID.class);
        if (id == null) {
            return null;
        }
        String kind = row.getString(prefix + "_kind");
        return new Party(new OrganisationId(id), row.getString(prefix + "_name"),
                kind == null ? null : OrganisationKind.valueOf(kind));
    }
}

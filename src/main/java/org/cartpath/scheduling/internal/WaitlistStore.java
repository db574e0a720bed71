package org.cartpath.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.scheduling.DiseaseKinetics;
import org.cartpath.scheduling.SlotOffer;
import org.cartpath.scheduling.Urgency;
import org.cartpath.scheduling.WaitlistEntry;
import org.cartpath.shared.InternalJob;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for waitlist entries and slot offers. */
@Repository
public class WaitlistStore {

    private final JdbcClient jdbc;

    WaitlistStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WaitlistEntry e) {
        jdbc.sql("""
                insert into waitlist_entry (id, case_id, case_reference, centre_id, product_code, indication, jurisdiction,
                    label_version_id, joined_at, joined_by_name, urgency, kinetics, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING')""")
                .params(e.id(), e.caseId().value(), e.caseReference(), e.centreId().value(), e.productCode(),
                        e.indication(), e.jurisdiction(), e.labelVersionId(), Timestamp.from(e.joinedAt()), e.joinedByName(), e.urgency().name(), e.kinetics().name())
                .update();
    }

    public Optional<WaitlistEntry> find(UUID id) {
        return jdbc.sql("select * from waitlist_entry where id = ?").param(id).query(WaitlistStore::entry).optional();
    }

    public Optional<WaitlistEntry> lock(UUID id) {
        return jdbc.sql("select * from waitlist_entry where id = ? for update").param(id).query(WaitlistStore::entry).optional();
    }

    public Optional<WaitlistEntry> waitingOfCase(CaseId caseId) {
        return jdbc.sql("select * from waitlist_entry where case_id = ? and status = 'WAITING'").param(caseId.value())
                .query(WaitlistStore::entry).optional();
    }

    public List<WaitlistEntry> ofCase(CaseId caseId) {
        return jdbc.sql("select * from waitlist_entry where case_id = ? order by joined_at desc").param(caseId.value())
                .query(WaitlistStore::entry).list();
    }

    /** The waiting entries of a product (unordered: the service ranks them). */
    @InternalJob("the national ranking orders every centre's waiting entries; Waitlist#ranked shows another centre's "
            + "entries only as position, score and centre, by the actor's DataScope")
    public List<WaitlistEntry> waiting(String product) {
        return jdbc.sql("select * from waitlist_entry where product_code = ? and status = 'WAITING'").param(product)
                .query(WaitlistStore::entry).list();
    }

    public boolean setClinical(UUID id, Urgency urgency, DiseaseKinetics kinetics, String reason, String by, Instant now,
            int expectedVersion) {
        return jdbc.sql("""
                update waitlist_entry set urgency = ?, kinetics = ?, clinical_reason = ?, clinical_set_by = ?,
                    clinical_set_at = ?, version = version + 1 where id = ? and version = ? and status = 'WAITING'""")
                .params(urgency.name(), kinetics.name(), reason, by, Timestamp.from(now), id, expectedVersion).update() == 1;
    }

    public boolean setCommittee(UUID id, Integer rank, String reason, String by, Instant now, int expectedVersion) {
        return jdbc.sql("""
                update waitlist_entry set committee_rank = ?, committee_reason = ?, committee_set_by = ?,
                    committee_set_at = ?, version = version + 1 where id = ? and version = ? and status = 'WAITING'""")
                .params(rank, rank == null ? null : reason, by, Timestamp.from(now), id, expectedVersion).update() == 1;
    }

    public boolean close(UUID id, WaitlistEntry.Status status, String reason, Instant now) {
        return jdbc.sql("""
                update waitlist_entry set status = ?, left_at = ?, left_reason = ?, version = version + 1
                where id = ? and status = 'WAITING'""")
                .params(status.name(), Timestamp.from(now), reason, id).update() == 1;
    }

    // --- offers ------------------------------------------------------------------------------------------

    public void insertOffer(SlotOffer o, UUID taskId) {
        jdbc.sql("""
                insert into slot_offer (id, slot_id, waitlist_entry_id, case_id, offered_at, expires_at, latest_apheresis,
                    task_id, status) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
                .params(o.id(), o.slotId(), o.waitlistEntryId(), o.caseId().value(), Timestamp.from(o.offeredAt()),
                        Timestamp.from(o.expiresAt()), o.latestApheresis(), taskId)
                .update();
    }

    public Optional<SlotOffer> offer(UUID id) {
        return jdbc.sql("select * from slot_offer where id = ?").param(id).query(WaitlistStore::offer).optional();
    }

    public Optional<UUID> taskOfOffer(UUID id) {
        return jdbc.sql("select task_id from slot_offer where id = ?").param(id).query(UUID.class).optional();
    }

    /** The offer of a slot in the OPEN state, expired or not. */
    public Optional<SlotOffer> openOfferOfSlot(UUID slotId) {
        return jdbc.sql("select * from slot_offer where slot_id = ? and status = 'OPEN' for update").param(slotId)
                .query(WaitlistStore::offer).optional();
    }

    public List<SlotOffer> openOffersOfCase(CaseId caseId) {
        return jdbc.sql("select * from slot_offer where case_id = ? and status = 'OPEN' order by offered_at")
                .param(caseId.value()).query(WaitlistStore::offer).list();
    }

    public List<SlotOffer> offersOfCase(CaseId caseId) {
        return jdbc.sql("select * from slot_offer where case_id = ? order by offered_at desc").param(caseId.value())
                .query(WaitlistStore::offer).list();
    }

    /** Cases a slot was already offered to (they are not offered it twice). */
    public List<UUID> casesOfferedSlot(UUID slotId) {
        return jdbc.sql("select case_id from slot_offer where slot_id = ?").param(slotId).query(UUID.class).list();
    }

    /** Open offers past their hold, locked and skipped by other instances sweeping at the same time. */
    @InternalJob("the offer sweep closes expired offers of every centre; it shows no row")
    public List<SlotOffer> lockExpired(Instant now, int limit) {
        return jdbc.sql("select * from slot_offer where status = 'OPEN' and expires_at <= ? order by expires_at limit ? "
                        + "for update skip locked")
                .params(Timestamp.from(now), limit).query(WaitlistStore::offer).list();
    }

    public boolean closeOffer(UUID id, SlotOffer.Status status, String reason, Instant now) {
        return jdbc.sql("update slot_offer set status = ?, closed_at = ?, closed_reason = ? where id = ? and status = 'OPEN'")
                .params(status.name(), Timestamp.from(now), reason, id).update() == 1;
    }

    static WaitlistEntry entry(ResultSet row, int n) throws SQLException {
        return new WaitlistEntry(row.getObject("id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
                row.getString("case_reference"), new OrganisationId(row.getObject("centre_id", UUID.class)),
                row.getString("product_code"), row.getString("indication"), row.getString("jurisdiction"),
                row.getString("label_version_id"), instant(row, "joined_at"), row.getString("joined_by_name"),
                Urgency.valueOf(row.getString("urgency")), DiseaseKinetics.valueOf(row.getString("kinetics")),
                row.getString("clinical_reason"), row.getString("clinical_set_by"), instant(row, "clinical_set_at"),
                (Integer) row.getObject("committee_rank"), row.getString("committee_reason"),
                row.getString("committee_set_by"), instant(row, "committee_set_at"),
                WaitlistEntry.Status.valueOf(row.getString("status")), instant(row, "left_at"), row.getString("left_reason"),
                row.getInt("version"));
    }

    static SlotOffer offer(ResultSet row, int n) throws SQLException {
        java.sql.Date latest = row.getDate("latest_apheresis");
        return new SlotOffer(row.getObject("id", UUID.class), row.getObject("slot_id", UUID.class),
                row.getObject("waitlist_entry_id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
                instant(row, "offered_at"), instant(row, "expires_at"), latest == null ? null : latest.toLocalDate(),
                SlotOffer.Status.valueOf(row.getString("status")), instant(row, "closed_at"), row.getString("closed_reason"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp t = row.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

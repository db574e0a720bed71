package org.cartpath.referral.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.referral.Referral;
import org.cartpath.referral.ReferralId;
import org.cartpath.referral.ReferralMessage;
import org.cartpath.referral.ReferralStatus;
import org.cartpath.referral.Urgency;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for referrals and their message threads. Lists take the organisation in scope. */
@Repository
public class ReferralStore {

    private final JdbcClient jdbc;

    ReferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Referral r) {
        jdbc.sql("""
                insert into referral (id, case_id, patient_id, referring_organisation_id, centre_id, referred_by_id,
                    referred_by_name, product_code, indication, jurisdiction, urgency, clinical_summary, status,
                    decline_reason, version, submitted_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id().value(), r.caseId().value(), r.patientId(), r.referringOrganisation().value(),
                        r.centre().value(), r.referredById(), r.referredBy(), r.productCode(), r.indication(),
                        r.jurisdiction(), r.urgency().name(), r.clinicalSummary(), r.status().name(), r.declineReason(),
                        r.version(), Timestamp.from(r.submittedAt()), Timestamp.from(r.updatedAt()))
                .update();
    }

    /** Saves a status change if nobody changed the referral since it was read; false otherwise. */
    public boolean update(Referral r, int expectedVersion) {
        return jdbc.sql("""
                update referral set status = ?, decline_reason = ?, version = ?, updated_at = ?
                where id = ? and version = ?""")
                .params(r.status().name(), r.declineReason(), r.version(), Timestamp.from(r.updatedAt()), r.id().value(),
                        expectedVersion)
                .update() == 1;
    }

    public Optional<Referral> find(ReferralId id) {
        return jdbc.sql("select * from referral where id = ?").param(id.value()).query(ReferralStore::referral).optional();
    }

    public Optional<Referral> findForUpdate(ReferralId id) {
        return jdbc.sql("select * from referral where id = ? for update").param(id.value())
                .query(ReferralStore::referral).optional();
    }

    public Optional<Referral> findByCase(CaseId id) {
        return jdbc.sql("select * from referral where case_id = ?").param(id.value()).query(ReferralStore::referral)
                .optional();
    }

    /** The cases among these whose referral was marked urgent by the referrer. */
    public java.util.Set<CaseId> urgentAmong(java.util.Collection<CaseId> cases) {
        if (cases.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("select case_id from referral where urgency = 'URGENT' and case_id in (:cases)")
                .param("cases", cases.stream().map(CaseId::value).distinct().toList())
                .query((rs, n) -> new CaseId(rs.getObject(1, UUID.class))).list());
    }

    /** Referrals the organisations in scope made or received, newest first, optionally of one status. */
    public List<Referral> ofOrganisation(DataScope scope, ReferralStatus status, int limit, int offset) {
        return scope.bind(jdbc.sql("""
                select * from referral
                where (%s or %s)
                  and (cast(:status as text) is null or status = :status)
                order by submitted_at desc, id
                limit :limit offset :offset""".formatted(scope.owns("referring_organisation_id"),
                        scope.owns("centre_id"))))
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(ReferralStore::referral).list();
    }

    public long countOfOrganisation(DataScope scope, ReferralStatus status) {
        return scope.bind(jdbc.sql("""
                select count(*) from referral
                where (%s or %s)
                  and (cast(:status as text) is null or status = :status)""".formatted(
                        scope.owns("referring_organisation_id"), scope.owns("centre_id"))))
                .param("status", status == null ? null : status.name())
                .query(Long.class).single();
    }

    // --- messages ------------------------------------------------------------------------------------

    /** Appends a message; the caller holds the referral's row lock, so the sequence cannot collide. */
    public UUID appendMessage(ReferralId referral, ReferralMessage.Kind kind, String body, Actor actor, Instant at) {
        UUID id = UUID.randomUUID();
        int sequence = jdbc.sql("select coalesce(max(sequence), 0) + 1 from referral_message where referral_id = ?")
                .param(referral.value()).query(Integer.class).single();
        jdbc.sql("""
                insert into referral_message (id, referral_id, sequence, kind, body, author_id, author_name,
                    organisation_id, organisation_name, sent_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, referral.value(), sequence, kind.name(), body, actor.id(), actor.displayName(),
                        actor.organisationId().value(), actor.organisationName(), Timestamp.from(at))
                .update();
        // the author's organisation has read what it wrote
        markRead(referral, actor.organisationId(), actor, at);
        return id;
    }

    /** The thread in order; {@code unread} from the point of view of {@code reader}. */
    public List<ReferralMessage> messages(ReferralId referral, OrganisationId reader) {
        return jdbc.sql("""
                select m.*, not exists (select 1 from referral_message_read r
                                        where r.message_id = m.id and r.organisation_id = :reader) as unread
                from referral_message m where m.referral_id = :referral order by m.sequence""")
                .param("referral", referral.value())
                .param("reader", reader == null ? null : reader.value())
                .query((row, n) -> new ReferralMessage(row.getObject("id", UUID.class),
                        new ReferralId(row.getObject("referral_id", UUID.class)), row.getInt("sequence"),
                        ReferralMessage.Kind.valueOf(row.getString("kind")), row.getString("body"),
                        row.getString("author_name"), new OrganisationId(row.getObject("organisation_id", UUID.class)),
                        row.getString("organisation_name"), row.getTimestamp("sent_at").toInstant(),
                        reader != null && row.getBoolean("unread")))
                .list();
    }

    /** Marks every message of the thread as read by an organisation; already read ones stay as they were. */
    public void markRead(ReferralId referral, OrganisationId reader, Actor actor, Instant at) {
        jdbc.sql("""
                insert into referral_message_read (message_id, organisation_id, read_by_id, read_at)
                select id, ?, ?, ? from referral_message where referral_id = ?
                on conflict do nothing""")
                .params(reader.value(), actor.id(), Timestamp.from(at), referral.value())
                .update();
    }

    public long unreadCount(ReferralId referral, OrganisationId reader) {
        return jdbc.sql("""
                select count(*) from referral_message m where m.referral_id = ?
                  and not exists (select 1 from referral_message_read r where r.message_id = m.id and r.organisation_id = ?)""")
                .params(referral.value(), reader.value()).query(Long.class).single();
    }

    /** When the last message of a thread was sent, if any. */
    public Optional<Instant> lastMessageAt(ReferralId referral) {
        return jdbc.sql("select max(sent_at) from referral_message where referral_id = ?").param(referral.value())
                .query((row, n) -> row.getTimestamp(1)).optional().filter(t -> t != null).map(Timestamp::toInstant);
    }

    static Referral referral(ResultSet row, int n) throws SQLException {
        return new Referral(
                new ReferralId(row.getObject("id", UUID.class)),
                new CaseId(row.getObject("case_id", UUID.class)),
                row.getObject("patient_id", UUID.class),
                new OrganisationId(row.getObject("referring_organisation_id", UUID.class)),
                new OrganisationId(row.getObject("centre_id", UUID.class)),
                row.getString("referred_by_id"),
                row.getString("referred_by_name"),
                row.getString("product_code"),
                row.getString("indication"),
                row.getString("jurisdiction"),
                Urgency.valueOf(row.getString("urgency")),
                row.getString("clinical_summary"),
                ReferralStatus.valueOf(row.getString("status")),
                row.getString("decline_reason"),
                row.getInt("version"),
                row.getTimestamp("submitted_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}

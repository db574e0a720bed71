package org.cartpath.referral.panel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.cartpath.journey.CaseId;
import org.cartpath.referral.PanelAgendaItem;
import org.cartpath.referral.PanelAllocationBasis;
import org.cartpath.referral.PanelAttendee;
import org.cartpath.referral.PanelMeeting;
import org.cartpath.referral.PanelOutcome;
import org.cartpath.referral.PanelPatient;
import org.cartpath.referral.PanelVote;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.PublishedData;
import org.cartpath.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for panel meetings, agenda items, attendance, votes and decisions. */
@Repository
public class PanelStore {

    /** A decision row; votes are the JSON the decision was taken on. */
    public record StoredDecision(UUID id, UUID agendaItemId, UUID meetingId, CaseId caseId, PanelOutcome outcome,
            OrganisationId treatingCentreId, PanelAllocationBasis allocationBasis, String allocationReason,
            String reason, String votes, UserId chairId, String chairName, Instant decidedAt, UUID signatureId) {
    }

    private final JdbcClient jdbc;

    PanelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- meetings -----------------------------------------------------------------------------------------

    public void insert(PanelMeeting m) {
        jdbc.sql("""
                insert into panel_meeting (id, panel_organisation_id, meets_on, chair_user_id, chair_name, created_at,
                    created_by_name) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.panelOrganisationId().value(), m.meetsOn(), m.chairId().value(), m.chairName(),
                        Timestamp.from(m.createdAt()), m.createdBy())
                .update();
    }

    public Optional<PanelMeeting> meeting(UUID id) {
        return jdbc.sql(MEETING_SELECT + " where m.id = ?").param(id).query(PanelStore::meeting).optional();
    }

    public boolean meetingOn(OrganisationId panel, LocalDate day) {
        return jdbc.sql("select count(*) from panel_meeting where panel_organisation_id = ? and meets_on = ?")
                .params(panel.value(), day).query(Long.class).single() > 0;
    }

    /** Meetings of one panel, or of every panel when {@code panel} is null, from a day on (all when null), by date. */
    /** The meetings of the panels in scope (a panel member's own panel), from a day on (every one without it). */
    public List<PanelMeeting> meetings(DataScope scope, LocalDate from, int limit, int offset) {
        return meetings(scope.owns("m.panel_organisation_id"), scope, from, limit, offset);
    }

    public long countMeetings(DataScope scope, LocalDate from) {
        return countMeetings(scope.owns("m.panel_organisation_id"), scope, from);
    }

    /** Every panel's meetings: their dates are published to the treatment centres, who submit cases to them. */
    @PublishedData("national panel meeting dates, published to every treatment centre so it can submit cases")
    public List<PanelMeeting> publishedMeetings(LocalDate from, int limit, int offset) {
        return meetings("true", null, from, limit, offset);
    }

    @PublishedData("national panel meeting dates, published to every treatment centre so it can submit cases")
    public long countPublishedMeetings(LocalDate from) {
        return countMeetings("true", null, from);
    }

    private List<PanelMeeting> meetings(String panels, DataScope scope, LocalDate from, int limit, int offset) {
        JdbcClient.StatementSpec sql = jdbc.sql(MEETING_SELECT + """
                 where %s
                   and (cast(:from as date) is null or m.meets_on >= :from)
                 order by m.meets_on, o.name limit :limit offset :offset""".formatted(panels));
        return (scope == null ? sql : scope.bind(sql))
                .param("from", from)
                .param("limit", limit)
                .param("offset", offset)
                .query(PanelStore::meeting).list();
    }

    private long countMeetings(String panels, DataScope scope, LocalDate from) {
        JdbcClient.StatementSpec sql = jdbc.sql("""
                select count(*) from panel_meeting m
                 where %s
                   and (cast(:from as date) is null or m.meets_on >= :from)""".formatted(panels));
        return (scope == null ? sql : scope.bind(sql))
                .param("from", from)
                .query(Long.class).single();
    }

    /** The panel's first meeting after a day, if one is scheduled. */
    public Optional<PanelMeeting> meetingAfter(OrganisationId panel, LocalDate day) {
        return jdbc.sql(MEETING_SELECT + " where m.panel_organisation_id = ? and m.meets_on > ? order by m.meets_on limit 1")
                .params(panel.value(), day).query(PanelStore::meeting).optional();
    }

    private static final String MEETING_SELECT =
            "select m.*, o.name as panel_name from panel_meeting m join organisation o on o.id = m.panel_organisation_id ";

    private static PanelMeeting meeting(ResultSet row, int n) throws SQLException {
        return new PanelMeeting(row.getObject("id", UUID.class),
                new OrganisationId(row.getObject("panel_organisation_id", UUID.class)), row.getString("panel_name"),
                row.getDate("meets_on").toLocalDate(), new UserId(row.getObject("chair_user_id", UUID.class)),
                row.getString("chair_name"), row.getTimestamp("created_at").toInstant(), row.getString("created_by_name"));
    }

    // --- agenda -------------------------------------------------------------------------------------------

    public void insert(PanelAgendaItem item, String patientJson, String submittedById) {
        jdbc.sql("""
                insert into panel_agenda_item (id, meeting_id, case_id, case_reference, patient_summary, submitted_at,
                    submitted_by_id, submitted_by_name, submitting_organisation_id, deferred_from, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(item.id(), item.meetingId(), item.caseId().value(), item.caseReference(), patientJson,
                        Timestamp.from(item.submittedAt()), submittedById, item.submittedBy(),
                        item.submittingOrganisationId().value(), item.deferredFrom(), item.status().name())
                .update();
    }

    public List<PanelAgendaItem> agenda(UUID meetingId, Function<String, PanelPatient> patient) {
        return jdbc.sql("select * from panel_agenda_item where meeting_id = ? order by submitted_at, case_reference")
                .param(meetingId).query((row, n) -> item(row, patient)).list();
    }

    public List<PanelAgendaItem> itemsOfCase(CaseId caseId, Function<String, PanelPatient> patient) {
        return jdbc.sql("select * from panel_agenda_item where case_id = ? order by submitted_at")
                .param(caseId.value()).query((row, n) -> item(row, patient)).list();
    }

    /** The item of a case on a meeting's agenda, locked until the transaction ends (votes and decisions queue on it). */
    public Optional<PanelAgendaItem> itemForUpdate(UUID meetingId, CaseId caseId, Function<String, PanelPatient> patient) {
        return jdbc.sql("select * from panel_agenda_item where meeting_id = ? and case_id = ? for update")
                .params(meetingId, caseId.value()).query((row, n) -> item(row, patient)).optional();
    }

    public Optional<PanelAgendaItem> awaitingItemOfCase(CaseId caseId, Function<String, PanelPatient> patient) {
        return jdbc.sql("select * from panel_agenda_item where case_id = ? and status = 'AWAITING_DECISION'")
                .param(caseId.value()).query((row, n) -> item(row, patient)).optional();
    }

    public String patientSummary(UUID itemId) {
        return jdbc.sql("select patient_summary from panel_agenda_item where id = ?").param(itemId)
                .query(String.class).single();
    }

    public void setStatus(UUID itemId, PanelAgendaItem.Status status) {
        jdbc.sql("update panel_agenda_item set status = ?, version = version + 1 where id = ? and status = 'AWAITING_DECISION'")
                .params(status.name(), itemId).update();
    }

    /** Items awaiting a decision at the panel's meetings where the member is present, voting and has not voted. */
    public List<UUID> meetingsAwaitingVoteOf(OrganisationId panel, UserId member) {
        return jdbc.sql("""
                select distinct m.id, m.meets_on from panel_meeting m
                  join panel_attendance a on a.meeting_id = m.id and a.member_user_id = :member and a.voting
                  join panel_agenda_item i on i.meeting_id = m.id and i.status = 'AWAITING_DECISION'
                 where m.panel_organisation_id = :panel
                   and not exists (select 1 from panel_vote v where v.agenda_item_id = i.id and v.member_user_id = :member)
                 order by m.meets_on""")
                .param("panel", panel.value())
                .param("member", member.value())
                .query((row, n) -> row.getObject("id", UUID.class)).list();
    }

    private static PanelAgendaItem item(ResultSet row, Function<String, PanelPatient> patient) throws SQLException {
        return new PanelAgendaItem(row.getObject("id", UUID.class), row.getObject("meeting_id", UUID.class),
                new CaseId(row.getObject("case_id", UUID.class)), row.getString("case_reference"),
                patient.apply(row.getString("patient_summary")), PanelAgendaItem.Status.valueOf(row.getString("status")),
                row.getTimestamp("submitted_at").toInstant(), row.getString("submitted_by_name"),
                new OrganisationId(row.getObject("submitting_organisation_id", UUID.class)),
                row.getObject("deferred_from", UUID.class));
    }

    // --- attendance and votes -------------------------------------------------------------------------------

    public void insert(UUID meetingId, PanelAttendee attendee) {
        jdbc.sql("""
                insert into panel_attendance (meeting_id, member_user_id, member_name, voting, recorded_at, recorded_by_name)
                values (?, ?, ?, ?, ?, ?)""")
                .params(meetingId, attendee.memberId().value(), attendee.name(), attendee.voting(),
                        Timestamp.from(attendee.recordedAt()), attendee.recordedBy())
                .update();
    }

    public List<PanelAttendee> attendance(UUID meetingId) {
        return jdbc.sql("select * from panel_attendance where meeting_id = ? order by member_name")
                .param(meetingId)
                .query((row, n) -> new PanelAttendee(new UserId(row.getObject("member_user_id", UUID.class)),
                        row.getString("member_name"), row.getBoolean("voting"), row.getTimestamp("recorded_at").toInstant(),
                        row.getString("recorded_by_name")))
                .list();
    }

    public void insert(PanelVote vote) {
        jdbc.sql("""
                insert into panel_vote (id, agenda_item_id, member_user_id, member_name, vote, comment, cast_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(vote.id(), vote.agendaItemId(), vote.memberId().value(), vote.memberName(), vote.vote().name(),
                        vote.comment(), Timestamp.from(vote.castAt()))
                .update();
    }

    public List<PanelVote> votes(UUID agendaItemId) {
        return jdbc.sql("select * from panel_vote where agenda_item_id = ? order by cast_at, member_name")
                .param(agendaItemId)
                .query((row, n) -> new PanelVote(row.getObject("id", UUID.class), row.getObject("agenda_item_id", UUID.class),
                        new UserId(row.getObject("member_user_id", UUID.class)), row.getString("member_name"),
                        PanelOutcome.valueOf(row.getString("vote")), row.getString("comment"),
                        row.getTimestamp("cast_at").toInstant()))
                .list();
    }

    // --- decisions ------------------------------------------------------------------------------------------

    public void insert(StoredDecision d) {
        jdbc.sql("""
                insert into panel_decision (id, agenda_item_id, meeting_id, case_id, outcome, treating_centre_id,
                    allocation_basis, allocation_reason, reason, votes, chair_user_id, chair_name, decided_at, signature_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.agendaItemId(), d.meetingId(), d.caseId().value(), d.outcome().name(),
                        d.treatingCentreId() == null ? null : d.treatingCentreId().value(),
                        d.allocationBasis() == null ? null : d.allocationBasis().name(), d.allocationReason(), d.reason(),
                        d.votes(), d.chairId().value(), d.chairName(), Timestamp.from(d.decidedAt()), d.signatureId())
                .update();
    }

    public Optional<StoredDecision> decision(UUID agendaItemId) {
        return jdbc.sql("select * from panel_decision where agenda_item_id = ?").param(agendaItemId)
                .query((row, n) -> {
                    UUID centre = row.getObject("treating_centre_id", UUID.class);
                    String basis = row.getString("allocation_basis");
                    return new StoredDecision(row.getObject("id", UUID.class), row.getObject("agenda_item_id", UUID.class),
                            row.getObject("meeting_id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
                            PanelOutcome.valueOf(row.getString("outcome")), centre == null ? null : new OrganisationId(centre),
                            basis == null ? null : PanelAllocationBasis.valueOf(basis), row.getString("allocation_reason"),
                            row.getString("reason"), row.getString("votes"),
                            new UserId(row.getObject("chair_user_id", UUID.class)), row.getString("chair_name"),
                            row.getTimestamp("decided_at").toInstant(), row.getObject("signature_id", UUID.class));
                })
                .optional();
    }
}

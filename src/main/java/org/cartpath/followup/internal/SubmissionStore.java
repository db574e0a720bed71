package org.cartpath.followup.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.followup.SharedCareSubmission;
import org.cartpath.followup.SharedCareSubmission.Review;
import org.cartpath.followup.SharedCareSubmission.Status;
import org.cartpath.followup.SharedCareSubmission.Version;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the referring hospitals' follow-up submissions, their versions (append-only) and the centre's decisions. */
@Repository
public class SubmissionStore {

    /** A submission's own columns. */
    public record Row(UUID id, CaseId caseId, OrganisationId hospital, String visitKey, String visitLabel,
            String timepoint, Status status, int version, Instant createdAt, Instant updatedAt) {
    }

    /** A line of the follow-up worklist: an open submission with its case. */
    public record OpenLine(UUID id, CaseId caseId, String reference, String visitLabel, Status status,
            LocalDate updatedOn, UUID treatingCentre, UUID referringHospital) {
    }

    private static final String SELECT = """
            select s.*, v.label as visit_label from followup_submission s
            join followup_clinic_visit v on v.case_id = s.case_id and v.visit_key = s.visit_key""";

    private final JdbcClient jdbc;

    SubmissionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, CaseId caseId, OrganisationId hospital, String visitKey, String timepoint,
            Instant now) {
        jdbc.sql("""
                insert into followup_submission (id, case_id, hospital_id, visit_key, timepoint, status, version,
                    created_at, updated_at) values (?, ?, ?, ?, ?, 'PENDING', 1, ?, ?)""")
                .params(id, caseId.value(), hospital.value(), visitKey, timepoint, Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    public void insertVersion(UUID id, int version, boolean attended, LocalDate on, String reason, String note,
            String nhsNumber, String byId, String byName, Instant at) {
        jdbc.sql("""
                insert into followup_submission_version (submission_id, version, attended, visit_on, reason, note,
                    nhs_number, submitted_by_id, submitted_by_name, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, version, attended, on, reason, note, nhsNumber, byId, byName, Timestamp.from(at))
                .update();
    }

    public void insertReview(UUID id, int version, Status decision, String question, String byId, String byName,
            Instant at) {
        jdbc.sql("""
                insert into followup_submission_review (submission_id, version, decision, question, reviewed_by_id,
                    reviewed_by_name, reviewed_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, version, decision.name(), question, byId, byName, Timestamp.from(at)).update();
    }

    /** Moves the submission to {@code status} at {@code version}; false if it was not at {@code from} any more. */
    public boolean move(UUID id, Status from, Status status, int version, Instant now) {
        return jdbc.sql("""
                update followup_submission set status = ?, version = ?, updated_at = ?
                where id = ? and status = ?""")
                .params(status.name(), version, Timestamp.from(now), id, from.name()).update() == 1;
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT + " where s.id = ?").param(id).query(SubmissionStore::row).optional();
    }

    public Optional<Row> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " where s.id = ? for update of s").param(id).query(SubmissionStore::row).optional();
    }

    /** Whether the visit has a submission not yet accepted. */
    public boolean openFor(CaseId caseId, String visitKey) {
        return jdbc.sql("select count(*) from followup_submission where case_id = ? and visit_key = ?"
                        + " and status <> 'ACCEPTED'")
                .params(caseId.value(), visitKey).query(Long.class).single() > 0;
    }

    /**
     * The submissions of one case, newest first; {@code hospital} narrows them to one hospital's (a referring hospital
     * sees its own). The caller has checked the actor may see the case (FollowUpAccess).
     */
    public List<Row> ofCase(CaseId caseId, OrganisationId hospital) {
        return jdbc.sql(SELECT + " where s.case_id = :case and (cast(:hospital as uuid) is null or s.hospital_id = :hospital)"
                        + " order by s.created_at desc, s.id")
                .param("case", caseId.value()).param("hospital", hospital == null ? null : hospital.value())
                .query(SubmissionStore::row).list();
    }

    public List<Version> versions(UUID id) {
        return jdbc.sql("select * from followup_submission_version where submission_id = ? order by version")
                .param(id).query((rs, n) -> new Version(rs.getInt("version"), rs.getBoolean("attended"),
                        rs.getObject("visit_on", LocalDate.class), rs.getString("reason"), rs.getString("note"),
                        rs.getString("nhs_number"), rs.getString("submitted_by_name"),
                        rs.getTimestamp("submitted_at").toInstant()))
                .list();
    }

    public List<Review> reviews(UUID id) {
        return jdbc.sql("select * from followup_submission_review where submission_id = ? order by version")
                .param(id).query((rs, n) -> new Review(rs.getInt("version"), Status.valueOf(rs.getString("decision")),
                        rs.getString("question"), rs.getString("reviewed_by_name"),
                        rs.getTimestamp("reviewed_at").toInstant()))
                .list();
    }

    /**
     * The open submissions of the worklist: pending ones for their treating centre to review, returned ones for their
     * referring hospital to answer, of open cases only.
     */
    public List<OpenLine> open(DataScope scope, int limit) {
        return scope.bind(jdbc.sql("""
                select s.id, s.case_id, c.reference, v.label, s.status, s.updated_at, c.treating_centre_id,
                       c.referring_organisation_id
                from followup_submission s join therapy_case c on c.id = s.case_id
                join followup_clinic_visit v on v.case_id = s.case_id and v.visit_key = s.visit_key
                where ((s.status = 'PENDING' and %s) or (s.status = 'RETURNED' and %s and s.hospital_id = c.referring_organisation_id))
                  and c.stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED')
                order by s.updated_at, s.id
                limit :limit""".formatted(scope.owns("c.treating_centre_id"), scope.owns("s.hospital_id"))))
                .param("limit", limit)
                .query((rs, n) -> new OpenLine(rs.getObject("id", UUID.class),
                        new CaseId(rs.getObject("case_id", UUID.class)), rs.getString("reference"),
                        rs.getString("label"), Status.valueOf(rs.getString("status")),
                        rs.getTimestamp("updated_at").toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                        rs.getObject("treating_centre_id", UUID.class),
                        rs.getObject("referring_organisation_id", UUID.class)))
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), new CaseId(rs.getObject("case_id", UUID.class)),
                new OrganisationId(rs.getObject("hospital_id", UUID.class)), rs.getString("visit_key"),
                rs.getString("visit_label"), rs.getString("timepoint"), Status.valueOf(rs.getString("status")),
                rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

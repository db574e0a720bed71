package org.cartpath.referral.eligibility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.referral.EligibilityDecision;
import org.cartpath.referral.EligibilityOutcome;
import org.cartpath.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for eligibility assessments: insert-only, numbered per case under a per-case lock. */
@Repository
public class EligibilityStore {

    /** An assessment row as stored; the evaluation is the canonical JSON that was shown and signed. */
    public record StoredAssessment(UUID id, CaseId caseId, int version, String labelVersionId, String productCode,
            String indication, String jurisdiction, LocalDate asOf, EligibilityOutcome outcome,
            EligibilityDecision decision, boolean proceeds, String reason, String evaluation, String evaluationDigest,
            UUID signatureId, Instant assessedAt, String assessedById, String assessedByName, UUID organisationId,
            String organisationName) {
    }

    private final JdbcClient jdbc;

    EligibilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises assessments of one case until the transaction ends, so that versions are never raced. */
    public void lock(CaseId caseId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('eligibility:' || ?, 0))")
                .param(caseId.toString()).query((row, n) -> 1).list();
    }

    public int count(CaseId caseId) {
        return jdbc.sql("select count(*) from eligibility_assessment where case_id = ?").param(caseId.value())
                .query(Integer.class).single();
    }

    public void insert(StoredAssessment a, Actor actor) {
        jdbc.sql("""
                insert into eligibility_assessment (id, case_id, version, label_version_id, product_code, indication,
                    jurisdiction, as_of, outcome, decision, proceeds, reason, evaluation, evaluation_digest, signature_id,
                    assessed_at, assessed_by_id, assessed_by_name, organisation_id, organisation_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.caseId().value(), a.version(), a.labelVersionId(), a.productCode(), a.indication(),
                        a.jurisdiction(), a.asOf(), a.outcome().name(), a.decision().name(), a.proceeds(), a.reason(),
                        a.evaluation(), a.evaluationDigest(), a.signatureId(), Timestamp.from(a.assessedAt()), actor.id(),
                        actor.displayName(), actor.organisationId().value(), actor.organisationName())
                .update();
    }

    /** The case's assessments, newest first. */
    public List<StoredAssessment> list(CaseId caseId) {
        return jdbc.sql("select * from eligibility_assessment where case_id = ? order by version desc")
                .param(caseId.value()).query(EligibilityStore::read).list();
    }

    public Optional<StoredAssessment> latest(CaseId caseId) {
        return jdbc.sql("select * from eligibility_assessment where case_id = ? order by version desc limit 1")
                .param(caseId.value()).query(EligibilityStore::read).optional();
    }

    public Optional<StoredAssessment> find(CaseId caseId, UUID id) {
        return jdbc.sql("select * from eligibility_assessment where case_id = ? and id = ?")
                .params(caseId.value(), id).query(EligibilityStore::read).optional();
    }

    private static StoredAssessment read(ResultSet row, int n) throws SQLException {
        return new StoredAssessment(row.getObject("id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
                row.getInt("version"), row.getString("label_version_id"), row.getString("product_code"),
                row.getString("indication"), row.getString("jurisdiction"), row.getDate("as_of").toLocalDate(),
                EligibilityOutcome.valueOf(row.getString("outcome")), EligibilityDecision.valueOf(row.getString("decision")),
                row.getBoolean("proceeds"), row.getString("reason"), row.getString("evaluation"),
                row.getString("evaluation_digest"), row.getObject("signature_id", UUID.class),
                row.getTimestamp("assessed_at").toInstant(), row.getString("assessed_by_id"),
                row.getString("assessed_by_name"), row.getObject("organisation_id", UUID.class),
                row.getString("organisation_name"));
    }
}

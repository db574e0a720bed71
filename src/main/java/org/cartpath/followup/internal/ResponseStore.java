package org.cartpath.followup.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.followup.ResponseAssessment;
import org.cartpath.followup.ResponseFramework;
import org.cartpath.journey.CaseId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for response assessments: append-only rows, one per version (V145). */
@Repository
public class ResponseStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ResponseStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(CaseId caseId, ResponseAssessment a, String recordedById) {
        jdbc.sql("""
                insert into followup_response_assessment (id, response_id, version, case_id, assessed_on, framework,
                    inputs, derived_category, category, category_reason, signature_id, source_document,
                    correction_reason, recorded_by_id, recorded_by_name, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.responseId(), a.version(), caseId.value(), a.assessedOn(), a.framework().name(),
                        json.writeValueAsString(a.inputs()), a.derivedCategory(), a.category(), a.categoryReason(),
                        a.signatureId(), a.sourceDocument(), a.correctionReason(), recordedById, a.recordedBy(),
                        Timestamp.from(a.recordedAt()))
                .update();
    }

    /** Every version of every assessment of the case, by date assessed, then assessment, then version. */
    public List<ResponseAssessment> versions(CaseId caseId) {
        return jdbc.sql("""
                select * from followup_response_assessment where case_id = ?
                order by assessed_on, response_id, version""")
                .param(caseId.value()).query(this::row).list();
    }

    /** The latest version of an assessment of the case. */
    public Optional<ResponseAssessment> latestVersion(CaseId caseId, UUID responseId) {
        return jdbc.sql("""
                select * from followup_response_assessment where case_id = ? and response_id = ?
                order by version desc limit 1""")
                .params(caseId.value(), responseId).query(this::row).optional();
    }

    private ResponseAssessment row(ResultSet rs, int n) throws SQLException {
        ResponseFramework framework = ResponseFramework.valueOf(rs.getString("framework"));
        String category = rs.getString("category");
        return new ResponseAssessment(rs.getObject("id", UUID.class), rs.getObject("response_id", UUID.class),
                rs.getInt("version"), rs.getObject("assessed_on", LocalDate.class), framework,
                json.readValue(rs.getString("inputs"), MAP), rs.getString("derived_category"), category,
                framework.label(category), rs.getString("category_reason"), rs.getObject("signature_id", UUID.class),
                rs.getString("source_document"), rs.getString("correction_reason"), rs.getString("recorded_by_name"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}

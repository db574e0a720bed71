package org.cartpath.followup.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.followup.OutcomeEvent;
import org.cartpath.journey.CaseId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for outcome events: append-only rows (V155), one death per case at most. */
@Repository
public class OutcomeEventStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OutcomeEventStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(CaseId caseId, OutcomeEvent e, String recordedById) {
        jdbc.sql("""
                insert into followup_outcome_event (id, case_id, kind, occurred_on, details, source, source_document,
                    recorded_by_id, recorded_by_name, recorded_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
                .params(e.id(), caseId.value(), e.kind().name(), e.occurredOn(), json.writeValueAsString(e.details()),
                        e.source().name(), e.sourceDocument(), recordedById, e.recordedBy(),
                        Timestamp.from(e.recordedAt()))
                .update();
    }

    /** The case's events, by date, then as recorded. */
    public List<OutcomeEvent> events(CaseId caseId) {
        return jdbc.sql("select * from followup_outcome_event where case_id = ? order by occurred_on, recorded_at")
                .param(caseId.value()).query(this::row).list();
    }

    public Optional<OutcomeEvent> death(CaseId caseId) {
        return jdbc.sql("select * from followup_outcome_event where case_id = ? and kind = 'DEATH'")
                .param(caseId.value()).query(this::row).optional();
    }

    private OutcomeEvent row(ResultSet rs, int n) throws SQLException {
        return new OutcomeEvent(rs.getObject("id", UUID.class), OutcomeEvent.Kind.valueOf(rs.getString("kind")),
                rs.getObject("occurred_on", LocalDate.class), json.readValue(rs.getString("details"), MAP),
                OutcomeEvent.InformationSource.valueOf(rs.getString("source")), rs.getString("source_document"),
                rs.getString("recorded_by_name"), rs.getTimestamp("recorded_at").toInstant());
    }
}

package org.cartpath.followup.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.followup.FollowUpEntry;
import org.cartpath.journey.CaseId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for follow-up clinical entries: append-only rows, one per version (V210). */
@Repository
public class FollowUpEntryStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FollowUpEntryStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(CaseId caseId, FollowUpEntry e, String recordedById) {
        jdbc.sql("""
                insert into followup_clinical_entry (id, entry_id, version, case_id, kind, observed_on, entry_values,
                    source_document, correction_reason, recorded_by_id, recorded_by_name, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
                .params(e.id(), e.entryId(), e.version(), caseId.value(), e.kind().name(), e.observedOn(),
                        json.writeValueAsString(e.values()), e.sourceDocument(), e.correctionReason(), recordedById,
                        e.recordedBy(), Timestamp.from(e.recordedAt()))
                .update();
    }

    /** Every version of every entry of the case, by date observed, then entry, then version. */
    public List<FollowUpEntry> versions(CaseId caseId) {
        return jdbc.sql("""
                select * from followup_clinical_entry where case_id = ?
                order by observed_on, recorded_at, entry_id, version""")
                .param(caseId.value()).query(this::row).list();
    }

    /** The latest version of an entry of the case. */
    public Optional<FollowUpEntry> latestVersion(CaseId caseId, UUID entryId) {
        return jdbc.sql("""
                select * from followup_clinical_entry where case_id = ? and entry_id = ?
                order by version desc limit 1""")
                .params(caseId.value(), entryId).query(this::row).optional();
    }

    private FollowUpEntry row(ResultSet rs, int n) throws SQLException {
        return new FollowUpEntry(rs.getObject("id", UUID.class), rs.getObject("entry_id", UUID.class),
                rs.getInt("version"), FollowUpEntry.Kind.valueOf(rs.getString("kind")),
                rs.getObject("observed_on", LocalDate.class), json.readValue(rs.getString("entry_values"), MAP),
                rs.getString("source_document"), rs.getString("correction_reason"), rs.getString("recorded_by_name"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}

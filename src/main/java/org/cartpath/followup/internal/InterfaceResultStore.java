package org.cartpath.followup.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cartpath.followup.FollowUpEntries.InterfaceResult;
import org.cartpath.journey.CaseId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the laboratory results an interface filed for an infused case (V236): append-only, one per filed result. */
@Repository
public class InterfaceResultStore {

    private final JdbcClient jdbc;

    InterfaceResultStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the result unless its source result is already here; whether a row was written. */
    boolean insertOnce(UUID sourceResultId, CaseId caseId, String measurement, BigDecimal value, String unit,
            LocalDate observedOn, Instant observedAt, String source, Instant filedAt) {
        return jdbc.sql("""
                insert into followup_interface_result (id, source_result_id, case_id, measurement, value, unit,
                    observed_on, observed_at, source, filed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (source_result_id) do nothing""")
                .params(UUID.randomUUID(), sourceResultId, caseId.value(), measurement, value, unit, observedOn,
                        Timestamp.from(observedAt), source, Timestamp.from(filedAt))
                .update() == 1;
    }

    /** The case's results from interfaces, by time taken. */
    public List<InterfaceResult> ofCase(CaseId caseId) {
        return jdbc.sql("""
                select measurement, value, observed_on, observed_at, source from followup_interface_result
                where case_id = ? order by observed_at, measurement""")
                .param(caseId.value())
                .query((rs, n) -> new InterfaceResult(rs.getString("measurement"), rs.getBigDecimal("value"),
                        rs.getObject("observed_on", LocalDate.class), rs.getTimestamp("observed_at").toInstant(),
                        rs.getString("source")))
                .list();
    }
}

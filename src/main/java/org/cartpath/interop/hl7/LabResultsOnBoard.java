package org.cartpath.interop.hl7;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.CaseId;
import org.cartpath.monitoring.BoardLaboratoryResults;
import org.cartpath.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The latest filed result of each measurement beside the monitoring board's rows: only results filed for the actor's
 * own centre, so the board updates as results arrive and never shows another centre's.
 */
@Component
class LabResultsOnBoard implements BoardLaboratoryResults {

    private final JdbcClient jdbc;

    LabResultsOnBoard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<CaseId, List<LatestResult>> latest(Actor actor, Collection<CaseId> cases) {
        Map<CaseId, List<LatestResult>> latest = new LinkedHashMap<>();
        if (actor.organisationId() == null || cases.isEmpty()) {
            return latest;
        }
        jdbc.sql("""
                select distinct on (case_id, measurement) case_id, measurement, value, observed_at
                from interop_lab_result where organisation_id = ? and case_id = any (?)
                order by case_id, measurement, observed_at desc, filed_at desc""")
                .params(actor.organisationId().value(), cases.stream().map(CaseId::value).toArray(java.util.UUID[]::new))
                .query((rs, n) -> {
                    LabMeasurement measurement = LabMeasurement.valueOf(rs.getString("measurement"));
                    latest.computeIfAbsent(new CaseId(rs.getObject("case_id", java.util.UUID.class)),
                            k -> new ArrayList<>()).add(new LatestResult(measurement.label(),
                            rs.getBigDecimal("value").stripTrailingZeros(), measurement.unit(),
                            rs.getTimestamp("observed_at").toInstant()));
                    return null;
                })
                .list();
        return latest;
    }
}

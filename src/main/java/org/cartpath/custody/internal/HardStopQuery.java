package org.cartpath.custody.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a case has an open hard stop: a scan that did not match what was expected and that QA has not yet
 * overridden with a second signature. While one is open, nothing more is recorded on the case's custody
 * ("a mismatch stops everything").
 */
@Component
public class HardStopQuery {

    private final JdbcClient jdbc;

    HardStopQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<UUID> openStops(CaseId caseId) {
        return jdbc.sql("""
                select s.id from custody_scan s
                where s.case_id = ? and s.outcome = 'MISMATCH'
                  and not exists (select 1 from custody_override o where o.scan_id = s.id and o.effective_at is not null)
                order by s.scanned_at""").param(caseId.value()).query(UUID.class).list();
    }

    public void requireNone(CaseId caseId, String reference) {
        List<UUID> open = openStops(caseId);
        if (!open.isEmpty()) {
            throw new ProblemException("hard-stop-open", 409, "Stopped: identity mismatch",
                    "Case " + reference + " is stopped: a scan did not match the chain of identity. Nothing more is "
                            + "recorded until QA overrides the stop with a reason and a second signature.",
                    List.of(), Map.of("hardStopId", open.get(0).toString()));
        }
    }
}

package org.cartpath.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;

/**
 * Laboratory results shown beside the board's rows, implemented by a later module that files them (the HL7 v2
 * interface, ADR 0024): the latest value of each measurement of each case, as the actor's centre may see it.
 */
public interface BoardLaboratoryResults {

    /** One measurement's latest value, in the unit it is kept in. */
    record LatestResult(String label, BigDecimal value, String unit, Instant observedAt) {
    }

    Map<CaseId, List<LatestResult>> latest(Actor actor, Collection<CaseId> cases);
}

package org.cartpath.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cartpath.journey.CaseId;

/**
 * One patient on the monitoring board: day number, latest and highest grades, the temperature of the last
 * 24 hours, tocilizumab given, what is due, open alerts and the label-driven dates.
 *
 * @param recentTemperatures the temperatures of the last assessments, oldest first, for a trend line
 */
public record BoardRow(
        CaseId caseId,
        String caseReference,
        String stage,
        int dayNumber,
        Instant latestAt,
        Integer latestCrsGrade,
        Integer latestIcansGrade,
        Integer highestCrsGrade,
        Integer highestIcansGrade,
        BigDecimal highestTemperatureLast24Hours,
        List<BigDecimal> recentTemperatures,
        int tocilizumabDoses,
        Instant lastTocilizumabAt,
        AssessmentsDue due,
        int openAlerts,
        MonitoringDates dates) {
}

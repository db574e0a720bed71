package org.cartpath.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.OrganisationId;

/**
 * Day 0 of a case and what monitoring keeps with it: the label version whose monitoring parameters apply,
 * and the age and developmental delay that decide the ICANS tool. Set once, never changed.
 */
public record MonitoringAnchor(
        CaseId caseId,
        String caseReference,
        OrganisationId treatingCentre,
        Instant infusedAt,
        LocalDate dayZero,
        int ageYears,
        boolean developmentalDelay,
        String labelVersionId,
        String startedByName,
        Instant startedAt) {

    public int dayNumber(LocalDate day) {
        return (int) java.time.temporal.ChronoUnit.DAYS.between(dayZero, day);
    }
}

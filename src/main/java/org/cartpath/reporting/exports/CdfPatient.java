package org.cartpath.reporting.exports;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One patient of the CDF outcomes extract as cartpath holds them, up to the extract's data cut-off (the month's last
 * day): everything dated after the cut-off is left out by the reader (docs/reporting/cdf-outcomes-extract.md).
 *
 * @param approvedOn    the national panel's approval, or null
 * @param dayZero       the CAR-T infusion, or null when not infused (by the cut-off)
 * @param responses     the current versions of the response assessments after infusion, by date
 * @param relapseOn     the first relapse or progression, or null
 * @param diedOn        the date of death, or null
 * @param lastContactOn the last day known alive (as the outcome measures define it), or null
 */
record CdfPatient(UUID caseId, String caseReference, String pseudonym, String centreOds, String productCode,
        String indication, LocalDate approvedOn, LocalDate dayZero, List<Response> responses, LocalDate relapseOn,
        String relapseKind, LocalDate diedOn, LocalDate lastContactOn) {

    /** A response assessment: its category and whether that counts as a response (reporting.ResponseRules). */
    record Response(LocalDate assessedOn, String category, boolean response) {
    }
}

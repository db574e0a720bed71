package org.cartpath.monitoring;

import java.time.LocalDate;

/**
 * The highest CRS and ICANS grade in one registry reporting period (day 0–100, day 101–6 months, 6 months–1
 * year, then each year), for the registry forms of the reporting module. A grade is empty when no
 * assessment fell in the period.
 */
public record RegistryWindow(String label, LocalDate from, LocalDate to, Integer highestCrsGrade,
        Integer highestIcansGrade, int assessments) {
}

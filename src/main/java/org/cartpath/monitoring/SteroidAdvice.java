package org.cartpath.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * Steroid guidance for the current CRS and ICANS grades (ASCO 2021; docs/clinical/steroids.md). Decision support
 * only: shown to the clinician, never an order.
 *
 * @param gradedAt when the grades were assessed; empty before any assessment
 */
public record SteroidAdvice(Integer crsGrade, Integer icansGrade, Instant gradedAt, List<Line> lines,
        String disclaimer) {

    public record Line(String syndrome, int grade, String guidance, String source) {
    }
}

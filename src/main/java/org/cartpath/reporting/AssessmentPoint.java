package org.cartpath.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The day an indication's response is judged, and the window of days after infusion an assessment may fall in to
 * count for it: B-ALL day 28 (days 21–42; the day-28 marrow of ELIANA, Maude SL et al. N Engl J Med
 * 2018;378:439–448); lymphoma and myeloma month 3 (days 60–120; JULIET, Schuster SJ et al. N Engl J Med
 * 2019;380:45–56, and the month-3 assessment of the CDF data collections). The same points as the CDF outcomes extract
 * (docs/reporting/cdf-outcomes-extract.md); docs/clinical/outcome-measures.md, "Event-free survival".
 */
record AssessmentPoint(String name, int day, int fromDay, int toDay) {

    static AssessmentPoint of(String indication) {
        return "B_ALL".equals(indication) ? new AssessmentPoint("Day 28", 28, 21, 42)
                : new AssessmentPoint("Month 3", 90, 60, 120);
    }

    /** The assessment in the window nearest the point's day (the earlier on a tie), if any. */
    Optional<CohortPatient.Assessed> assessed(LocalDate dayZero, List<CohortPatient.Assessed> assessments) {
        LocalDate target = dayZero.plusDays(day);
        return assessments.stream()
                .filter(a -> {
                    long after = ChronoUnit.DAYS.between(dayZero, a.on());
                    return after >= fromDay && after <= toDay;
                })
                .min(Comparator.comparingLong((CohortPatient.Assessed a) -> Math.abs(ChronoUnit.DAYS.between(target,
                        a.on()))).thenComparing(CohortPatient.Assessed::on));
    }
}

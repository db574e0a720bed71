package org.cartpath.reporting;

import java.time.LocalDate;

/**
 * One infused patient of a cohort, as the measures need them (docs/clinical/outcome-measures.md). Never leaves the
 * module: only the figures computed from these do.
 *
 * @param referredOn         the day the referral was submitted (the case's opening when there was none)
 * @param apheresisOn        the latest collection on or before day 0 (the cells infused), or null
 * @param crsGrade           the highest ASTCT CRS grade of any episode, 0 when none
 * @param crsOnsetDay        the day (after infusion) the first CRS episode began, or null
 * @param icansGrade         the highest ASTCT ICANS grade, 0 when none
 * @param icansOnsetDay      the day the first ICANS episode began, or null
 * @param tocilizumab        at least one dose of tocilizumab recorded
 * @param diedOn             the day the death was recorded (the case ended as deceased), or null
 * @param lastContactOn      the last day the patient is known to have been alive (see the definitions)
 * @param bestResponse       whether the best response counts as a response; null when no response was assessed
 */
record CohortPatient(int ageYears, LocalDate dayZero, LocalDate referredOn, LocalDate apheresisOn, int crsGrade,
        Integer crsOnsetDay, int icansGrade, Integer icansOnsetDay, boolean tocilizumab, LocalDate diedOn,
        LocalDate lastContactOn, Boolean bestResponse) {
}

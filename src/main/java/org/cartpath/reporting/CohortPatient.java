package org.cartpath.reporting;

import java.time.LocalDate;
import java.util.List;

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
 * @param indication         the catalogue code of the case's indication (its response assessment point), or null
 * @param relapseOn          the first relapse or progression recorded in follow-up, or null
 * @param responses          the current version of every response assessment, by date
 * @param episodes           every CRS and ICANS episode: its day of onset and highest grade
 */
record CohortPatient(int ageYears, LocalDate dayZero, LocalDate referredOn, LocalDate apheresisOn, int crsGrade,
        Integer crsOnsetDay, int icansGrade, Integer icansOnsetDay, boolean tocilizumab, LocalDate diedOn,
        LocalDate lastContactOn, Boolean bestResponse, String indication, LocalDate relapseOn, List<Assessed> responses,
        List<Episode> episodes) {

    CohortPatient {
        responses = List.copyOf(responses);
        episodes = List.copyOf(episodes);
    }

    /** A response assessment: its day and whether its category counts as a response ({@link ResponseRules}). */
    record Assessed(LocalDate on, boolean response) {
    }

    /** A CRS or ICANS episode: {@code kind} CRS or ICANS, the day after infusion it began, its highest grade. */
    record Episode(String kind, int onsetDay, int grade) {
    }
}

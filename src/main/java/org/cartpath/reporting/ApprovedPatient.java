package org.cartpath.reporting;

import java.time.LocalDate;

/**
 * One patient the national panel approved, infused or not, for survival by intention to treat
 * (docs/clinical/outcome-measures.md, "Overall survival from approval"). Never leaves the module.
 *
 * @param approvedOn    the day of the panel's (first) approval
 * @param dayZero       the infusion, or null when never infused
 * @param diedOn        the date of death (follow-up's, else the day the case was ended as deceased), or null
 * @param lastContactOn the last day known alive: the latest of the approval, the apheresis and, once infused, the
 *                      infused cohort's last contact
 */
record ApprovedPatient(LocalDate approvedOn, LocalDate dayZero, LocalDate diedOn, LocalDate lastContactOn) {
}

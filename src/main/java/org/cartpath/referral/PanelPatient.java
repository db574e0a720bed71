package org.cartpath.referral;

/**
 * The patient as the panel sees them (ADR 0014): initials, age, sex and the last three digits of the
 * NHS number, never the name, date of birth or address. Taken from the patient record when the case is
 * submitted.
 *
 * @param nhsNumberLastThree null for a patient without an NHS number
 */
public record PanelPatient(String initials, Integer ageYears, String sex, String nhsNumberLastThree) {
}

package org.cartpath.custody.labels;

import java.time.LocalDate;

/**
 * Who the patient is, as printed on a label that stays in the hospital: the three identifiers a bedside
 * check compares (NPSA safer practice notice 24, standardising wristbands).
 */
public record PatientIdentity(String name, String nhsNumber, LocalDate dateOfBirth) {

    public PatientIdentity {
        if (name == null || name.isBlank() || nhsNumber == null || nhsNumber.isBlank() || dateOfBirth == null) {
            throw new IllegalArgumentException("a patient's name, NHS number and date of birth are all required");
        }
    }

    /** Never the identifiers themselves: a record's default text would put them in logs. */
    @Override
    public String toString() {
        return "PatientIdentity[redacted]";
    }
}

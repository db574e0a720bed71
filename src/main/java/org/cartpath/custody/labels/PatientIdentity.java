package org.cartpath.custody.labels;

import java.time.LocalDate;
import org.cartpath.custody.PatientWristbandCode;
import org.cartpath.patient.NhsNumber;

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

    /** The wristband's symbol: the patient's NHS number and date of birth, never the product's identifiers. */
    public PatientWristbandCode wristbandCode() {
        return PatientWristbandCode.of(new NhsNumber(nhsNumber.replace(" ", "")), dateOfBirth);
    }

    /** Never the identifiers themselves: a record's default text would put them in logs. */
    @Override
    public String toString() {
        return "PatientIdentity[redacted]";
    }
}

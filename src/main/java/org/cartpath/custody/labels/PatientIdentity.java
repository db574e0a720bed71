package org.cartpath.custody.labels;

import java.time.LocalDate;
import org.cartpath.custody.PatientWristbandCode;
import org.cartpath.patient.NhsNumber;

/**
 * Who the patient is, as printed on a label that stays in the hospital: the identifiers a bedside check compares
 * (NPSA Safer Practice Notice 24, standardising wristbands): name, NHS number (or, for a patient without one, the
 * hospital number) and date of birth.
 *
 * @param nhsNumber      ten digits, or null for a patient without an NHS number
 * @param hospitalNumber only when there is no NHS number
 */
public record PatientIdentity(String name, String nhsNumber, String hospitalNumber, LocalDate dateOfBirth) {

    public PatientIdentity {
        boolean hasNhsNumber = nhsNumber != null && !nhsNumber.isBlank();
        boolean hasHospitalNumber = hospitalNumber != null && !hospitalNumber.isBlank();
        if (name == null || name.isBlank() || !(hasNhsNumber || hasHospitalNumber) || dateOfBirth == null) {
            throw new IllegalArgumentException("a patient's name, NHS number (or hospital number) and date of birth are"
                    + " all required");
        }
        hospitalNumber = hasNhsNumber ? null : hospitalNumber;
        nhsNumber = hasNhsNumber ? nhsNumber : null;
    }

    public PatientIdentity(String name, String nhsNumber, LocalDate dateOfBirth) {
        this(name, nhsNumber, null, dateOfBirth);
    }

    /** The wristband's symbol: the patient's NHS number (or hospital number) and date of birth, never the product's. */
    public PatientWristbandCode wristbandCode() {
        return nhsNumber != null ? PatientWristbandCode.of(new NhsNumber(nhsNumber.replace(" ", "")), dateOfBirth)
                : PatientWristbandCode.ofHospitalNumber(hospitalNumber, dateOfBirth);
    }

    /** Never the identifiers themselves: a record's default text would put them in logs. */
    @Override
    public String toString() {
        return "PatientIdentity[redacted]";
    }
}

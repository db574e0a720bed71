package org.cartpath.custody.labels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.patient.NhsNumber;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;

/**
 * Checks the patient identity keyed for a wristband before it is printed: a printable name, a valid NHS number
 * (the patient module's Modulus 11 rule), or for a patient without one their hospital number, and a real date of
 * birth. {@link LabelPrinting} then checks it against
 * the patient's record.
 */
final class WristbandIdentityCheck {

    private static final int MAX_NAME = 100;
    private static final String HOSPITAL_NUMBER = "[A-Za-z0-9][A-Za-z0-9 /-]{0,29}";

    private WristbandIdentityCheck() {
    }

    static PatientIdentity check(String name, String nhsNumber, LocalDate dateOfBirth, LocalDate today) {
        return check(name, nhsNumber, null, dateOfBirth, today);
    }

    /**
     * As above, for a patient who may have no NHS number: then the hospital number (the patient module's rule for
     * it: 1 to 30 letters, digits, spaces, '-' or '/') identifies them (NPSA SPN 24).
     */
    static PatientIdentity check(String name, String nhsNumber, String hospitalNumber, LocalDate dateOfBirth,
            LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String trimmedName = name == null ? "" : name.trim();
        if (trimmedName.isEmpty()) {
            problems.add(new FieldProblem("patientName", "enter the patient's name as on their hospital wristband"));
        } else if (trimmedName.length() > MAX_NAME) {
            problems.add(new FieldProblem("patientName", "must be at most " + MAX_NAME + " characters"));
        } else {
            try {
                LabelText.printable("The patient's name", trimmedName);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("patientName", "has characters the label printer cannot print"));
            }
        }
        String digits = nhsNumber == null ? "" : nhsNumber.replace(" ", "");
        String hospital = hospitalNumber == null || hospitalNumber.isBlank() ? null : hospitalNumber.strip();
        if (!digits.isEmpty() || hospital == null) {
            NhsNumber.problemIn(digits).ifPresent(problem -> problems.add(new FieldProblem("nhsNumber", problem)));
        } else if (!hospital.matches(HOSPITAL_NUMBER)) {
            problems.add(new FieldProblem("hospitalNumber", "must be 1 to 30 letters, digits, spaces, '-' or '/'"));
        }
        if (dateOfBirth == null) {
            problems.add(new FieldProblem("dateOfBirth", "enter the date of birth"));
        } else if (dateOfBirth.isAfter(today) || dateOfBirth.isBefore(LocalDate.of(1900, 1, 1))) {
            problems.add(new FieldProblem("dateOfBirth", "must be a real date of birth, not in the future"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return digits.isEmpty() ? new PatientIdentity(trimmedName, null, hospital, dateOfBirth)
                : new PatientIdentity(trimmedName, digits, dateOfBirth);
    }
}

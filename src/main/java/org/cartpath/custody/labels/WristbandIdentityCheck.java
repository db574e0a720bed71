package org.cartpath.custody.labels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.patient.NhsNumber;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;

/**
 * Checks the patient identity keyed for a wristband before it is printed: a printable name, a valid NHS number
 * (the patient module's Modulus 11 rule) and a real date of birth. {@link LabelPrinting} then checks it against
 * the patient's record.
 */
final class WristbandIdentityCheck {

    private static final int MAX_NAME = 100;

    private WristbandIdentityCheck() {
    }

    static PatientIdentity check(String name, String nhsNumber, LocalDate dateOfBirth, LocalDate today) {
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
        NhsNumber.problemIn(digits).ifPresent(problem -> problems.add(new FieldProblem("nhsNumber", problem)));
        if (dateOfBirth == null) {
            problems.add(new FieldProblem("dateOfBirth", "enter the date of birth"));
        } else if (dateOfBirth.isAfter(today) || dateOfBirth.isBefore(LocalDate.of(1900, 1, 1))) {
            problems.add(new FieldProblem("dateOfBirth", "must be a real date of birth, not in the future"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new PatientIdentity(trimmedName, digits, dateOfBirth);
    }
}

package org.cartpath.custody.labels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;

/**
 * Checks the patient identity keyed for a wristband before it is printed. The NHS number's check digit is the
 * NHS Data Dictionary's Modulus 11 algorithm (weights 10 to 2 over the first nine digits; 11 - remainder, 11
 * read as 0, 10 invalid). It duplicates the patient module's rule until that module supplies the identity.
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
        if (!isValidNhsNumber(digits)) {
            problems.add(new FieldProblem("nhsNumber", "must be a valid 10-digit NHS number (the check digit does not match)"));
        }
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

    static boolean isValidNhsNumber(String digits) {
        if (digits == null || !digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}

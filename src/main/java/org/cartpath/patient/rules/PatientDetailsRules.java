package org.cartpath.patient.rules;

import java.time.LocalDate;
import java.util.List;
import org.cartpath.patient.Address;
import org.cartpath.patient.NhsNumber;
import org.cartpath.patient.PatientDetails;
import org.cartpath.shared.ProblemException.FieldProblem;

/** What makes a patient's demographics acceptable. Plain Java; {@code today} is given, never read. */
public final class PatientDetailsRules {

    /** Nobody alive was born before this; an earlier date is a typing error. */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private PatientDetailsRules() {
    }

    /** Trims every text and turns blanks into nulls, so that "  " is treated as not given. */
    public static PatientDetails normalise(PatientDetails d) {
        Address a = d.address() == null ? Address.NONE : d.address();
        return new PatientDetails(text(d.nhsNumber()), text(d.localHospitalNumber()), text(d.givenName()),
                text(d.familyName()), d.dateOfBirth(), d.sex(),
                new Address(text(a.line1()), text(a.line2()), text(a.town()), text(a.postcode())));
    }

    /** Every problem with (normalised) details, at most one per field. */
    public static List<FieldProblem> problemsIn(PatientDetails d, LocalDate today) {
        Checks checks = new Checks();
        if (d.nhsNumber() == null && d.localHospitalNumber() == null) {
            checks.add(NhsNumber.FIELD, "is required unless a local hospital number is given");
        } else if (d.nhsNumber() != null) {
            NhsNumber.problemIn(d.nhsNumber()).ifPresent(message -> checks.add(NhsNumber.FIELD, message));
        }
        if (d.localHospitalNumber() != null && !d.localHospitalNumber().matches("[A-Za-z0-9][A-Za-z0-9 /-]{0,29}")) {
            checks.add("localHospitalNumber", "must be 1 to 30 letters, digits, spaces, '-' or '/'");
        }
        name(checks, "givenName", d.givenName());
        name(checks, "familyName", d.familyName());
        if (d.dateOfBirth() == null) {
            checks.add("dateOfBirth", "is required");
        } else if (d.dateOfBirth().isAfter(today)) {
            checks.add("dateOfBirth", "must not be in the future");
        } else if (d.dateOfBirth().isBefore(EARLIEST_BIRTH)) {
            checks.add("dateOfBirth", "must be in 1900 or later");
        }
        checks.required("sex", d.sex());
        Address a = d.address();
        checks.maxLength("address.line1", a.line1(), 200);
        checks.maxLength("address.line2", a.line2(), 200);
        checks.maxLength("address.town", a.town(), 100);
        checks.maxLength("address.postcode", a.postcode(), 16);
        return checks.problems();
    }

    private static void name(Checks checks, String field, String value) {
        checks.required(field, value);
        checks.maxLength(field, value, 100);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

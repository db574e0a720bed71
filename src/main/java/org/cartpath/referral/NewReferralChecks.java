package org.cartpath.referral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;

/**
 * The fields of a new referral that the referral module checks itself (the patient's are the patient module's),
 * each problem named by its field so that every one shows at once.
 */
final class NewReferralChecks {

    static final int SUMMARY_MAX = 10_000;

    /** The fields, read. Nulls where a field was at fault. */
    record Checked(ProductCode product, Indication indication, Jurisdiction jurisdiction, Urgency urgency,
            String clinicalSummary, DiagnosisCode diagnosis, String diagnosisDescription) {
    }

    private final List<FieldProblem> problems = new ArrayList<>();

    List<FieldProblem> problems() {
        return problems;
    }

    Checked check(NewReferral command) {
        ProductCode product = choice(command.productCode(), ProductCode.class, "productCode",
                "is not a product in the catalogue");
        Indication indication = choice(command.indication(), Indication.class, "indication",
                "is not an indication in the catalogue");
        Jurisdiction jurisdiction = blank(command.jurisdiction()) ? Jurisdiction.UK
                : choice(command.jurisdiction(), Jurisdiction.class, "jurisdiction", "is not a jurisdiction");
        Urgency urgency = choice(command.urgency(), Urgency.class, "urgency", "is not an urgency");
        String summary = text(command.clinicalSummary());
        if (summary == null) {
            problems.add(new FieldProblem("clinicalSummary", "is required"));
        } else if (summary.length() > SUMMARY_MAX) {
            problems.add(new FieldProblem("clinicalSummary", "must be " + SUMMARY_MAX + " characters or fewer"));
        }
        if (command.centreId() == null || command.centreId().isBlank()) {
            problems.add(new FieldProblem("centreId", "is required: choose the treatment centre"));
        }
        if (command.existingPatient() == null && command.patient() == null) {
            problems.add(new FieldProblem("patient", "is required: give the patient's details or patientId"));
        }
        DiagnosisCode diagnosis = blank(command.diagnosisCode()) ? null
                : choice(command.diagnosisCode(), DiagnosisCode.class, "diagnosisCode", "is not a diagnosis code");
        if (diagnosis == null && blank(command.diagnosisCode()) && command.diagnosedOn() != null) {
            problems.add(new FieldProblem("diagnosisCode", "is required with the date of diagnosis"));
        }
        if (diagnosis != null && command.diagnosedOn() == null) {
            problems.add(new FieldProblem("diagnosedOn", "is required with the diagnosis"));
        }
        // the indication is what the product is labelled for; it must be the disease the patient has
        if (diagnosis != null && indication != null && diagnosis.indicationCode() != null
                && !diagnosis.indicationCode().equals(indication.name())) {
            problems.add(new FieldProblem("indication", "does not match the diagnosis: " + diagnosis.label()
                    + " is indication " + diagnosis.indicationCode()));
        }
        return new Checked(product, indication, jurisdiction, urgency, summary, diagnosis,
                text(command.diagnosisDescription()));
    }

    private <E extends Enum<E>> E choice(String value, Class<E> type, String field, String message) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        problems.add(new FieldProblem(field, "'" + value + "' " + message + ": one of " + Arrays.stream(
                type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        return null;
    }

    /** Refuses the request with every problem found, if there is any. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String text(String value) {
        return blank(value) ? null : value.strip();
    }
}

package org.cartpath.referral.eligibility;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cartpath.catalogue.EligibilityCriterion;
import org.cartpath.catalogue.EligibilityCriterion.Diagnosis;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.DiagnosisCode;

/**
 * {@code DIAGNOSIS_IN}: the diagnosis is one of the label's sub-types. The patient record codes diagnoses
 * less finely than labels do, so only an unambiguous reading is met or not met:
 * <ul>
 *   <li>B-ALL is B-cell precursor ALL by definition (WHO 5th edition: B-lymphoblastic leukaemia);</li>
 *   <li>DLBCL is read as DLBCL not otherwise specified: the record has no code for a transformed lymphoma,
 *       so a label that lists only transformed DLBCL gets unknown;</li>
 *   <li>LBCL without a sub-type, follicular lymphoma against "grade 3B", and OTHER are unknown: the
 *       consultant reads the pathology report.</li>
 * </ul>
 */
final class DiagnosisIn implements CriterionEvaluator {

    private static final Set<Diagnosis> TRANSFORMED = EnumSet.of(Diagnosis.DLBCL_ARISING_FROM_FL,
            Diagnosis.DLBCL_ARISING_FROM_INDOLENT_LYMPHOMA);

    @Override
    public String describe(EligibilityCriterion criterion) {
        return "Diagnosis is " + Words.either(Parameters.constants(criterion.values(), Diagnosis.class).stream()
                .map(Words.DIAGNOSES::get).toList());
    }

    @Override
    public Finding evaluate(EligibilityCriterion criterion, ClinicalSnapshot snapshot) {
        List<Diagnosis> allowed = Parameters.constants(criterion.values(), Diagnosis.class);
        org.cartpath.patient.Diagnosis diagnosis = snapshot.diagnosis();
        if (diagnosis == null || diagnosis.code() == null) {
            return Finding.unknown("no diagnosis recorded by " + snapshot.asOf());
        }
        String data = describe(diagnosis);
        return switch (diagnosis.code()) {
            case B_ALL -> Finding.of(allowed.contains(Diagnosis.B_CELL_PRECURSOR_ALL), data);
            case DLBCL -> allowed.contains(Diagnosis.DLBCL_NOS) ? Finding.met(data + " (read as not otherwise specified)")
                    : allowed.stream().anyMatch(TRANSFORMED::contains)
                            ? Finding.unknown(data + ": whether it arose from an indolent lymphoma is not recorded")
                            : Finding.notMet(data);
            case LBCL -> Finding.unknown(data + ": the sub-type is not recorded");
            case PMBCL -> Finding.of(allowed.contains(Diagnosis.PMBCL), data);
            case MCL -> Finding.of(allowed.contains(Diagnosis.MANTLE_CELL_LYMPHOMA), data);
            case FL -> allowed.contains(Diagnosis.FOLLICULAR_LYMPHOMA) ? Finding.met(data)
                    : allowed.contains(Diagnosis.FL_GRADE_3B) ? Finding.unknown(data + ": the grade is not recorded")
                            : Finding.notMet(data);
            case MULTIPLE_MYELOMA -> Finding.of(allowed.contains(Diagnosis.MULTIPLE_MYELOMA), data);
            case OTHER -> Finding.unknown(data + ": compare it with the label's sub-types");
        };
    }

    static String describe(org.cartpath.patient.Diagnosis diagnosis) {
        String label = diagnosis.code() == DiagnosisCode.OTHER
                ? "other diagnosis '" + diagnosis.description() + "'" : diagnosis.code().label();
        return label + (diagnosis.diagnosedOn() == null ? "" : ", diagnosed " + diagnosis.diagnosedOn());
    }
}

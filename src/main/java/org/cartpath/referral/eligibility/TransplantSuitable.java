package org.cartpath.referral.eligibility;

import org.cartpath.catalogue.EligibilityCriterion;
import org.cartpath.patient.ClinicalSnapshot;

/**
 * {@code TRANSPLANT_SUITABLE}: an autologous stem cell transplant would be considered suitable (NICE TA895,
 * TA1048). Fitness for transplant is the consultant's judgement (TA1048 §1.2: age is not a proxy), which
 * the patient record does not hold: always unknown, for the consultant to confirm by override.
 */
final class TransplantSuitable implements CriterionEvaluator {

    @Override
    public String describe(EligibilityCriterion criterion) {
        return "An autologous stem cell transplant would be considered suitable";
    }

    @Override
    public Finding evaluate(EligibilityCriterion criterion, ClinicalSnapshot snapshot) {
        return Finding.unknown(TransplantSuitable.judgement(snapshot));
    }

    static String judgement(ClinicalSnapshot snapshot) {
        return "a clinical judgement the patient record does not hold; prior transplant recorded: "
                + Words.yesNo(snapshot.priorTransplant());
    }
}

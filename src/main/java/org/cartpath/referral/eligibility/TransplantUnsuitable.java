package org.cartpath.referral.eligibility;

import org.cartpath.catalogue.EligibilityCriterion;
import org.cartpath.patient.ClinicalSnapshot;

/**
 * {@code TRANSPLANT_UNSUITABLE}: not eligible for a stem cell transplant because of comorbidities or age
 * (Breyanzi US). A clinical judgement the record does not hold, like {@link TransplantSuitable}: unknown.
 */
final class TransplantUnsuitable implements CriterionEvaluator {

    @Override
    public String describe(EligibilityCriterion criterion) {
        return "Not eligible for a stem cell transplant (comorbidities or age)";
    }

    @Override
    public Finding evaluate(EligibilityCriterion criterion, ClinicalSnapshot snapshot) {
        return Finding.unknown(TransplantSuitable.judgement(snapshot));
    }
}

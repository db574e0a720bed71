package org.cartpath.referral.eligibility;

import org.cartpath.catalogue.EligibilityCriterion.Rule;

/**
 * The evaluator of each rule the catalogue can name. The switch has no default: a rule added to the
 * catalogue without its evaluator does not compile (ADR 0010: "adding a rule type is a code change reviewed
 * with its evaluator").
 */
final class EligibilityRules {

    private EligibilityRules() {
    }

    static CriterionEvaluator of(Rule rule) {
        return switch (rule) {
            case AGE_AT_MOST -> new AgeAtMost();
            case AGE_AT_LEAST -> new AgeAtLeast();
            case DIAGNOSIS_IN -> new DiagnosisIn();
            case DISEASE_STATUS_ANY_OF -> new DiseaseStatusAnyOf();
            case PRIOR_LINES_AT_LEAST -> new PriorLinesAtLeast();
            case PRIOR_THERAPY_INCLUDES -> new PriorTherapyIncludes();
            case REFRACTORY_TO_THERAPY -> new RefractoryToTherapy();
            case TRANSPLANT_SUITABLE -> new TransplantSuitable();
            case TRANSPLANT_UNSUITABLE -> new TransplantUnsuitable();
        };
    }
}

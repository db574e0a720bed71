package org.cartpath.referral.eligibility;

import org.cartpath.catalogue.EligibilityCriterion;
import org.cartpath.patient.ClinicalSnapshot;

/**
 * The code behind one named rule of the catalogue ({@link EligibilityCriterion.Rule}). An evaluator reads
 * only the snapshot: a value the record does not hold is null there and must give UNKNOWN, never NOT_MET.
 */
interface CriterionEvaluator {

    /** What the criterion asks, in words, e.g. "Age at most 25 years". */
    String describe(EligibilityCriterion criterion);

    Finding evaluate(EligibilityCriterion criterion, ClinicalSnapshot snapshot);
}

package org.cartpath.referral.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cartpath.catalogue.EligibilityCriterion;
import org.cartpath.catalogue.EligibilityCriterion.TherapyClass;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.TherapyLine.Tag;
import org.cartpath.referral.EligibilityOutcome;

/**
 * {@code PRIOR_THERAPY_INCLUDES}: earlier lines included every class named (Tecartus MCL: "including a BTK
 * inhibitor"). The record tags each line with drug classes; with lines on record, a class no line carries was
 * not given (not met). Lenalidomide has no tag of its own: an immunomodulatory drug on record leaves it
 * unknown. Chemoimmunotherapy is read from the anti-CD20 tag, the antibody given with chemotherapy in B-cell
 * lymphoma regimens (R-CHOP).
 */
final class PriorTherapyIncludes implements CriterionEvaluator {

    @Override
    public String describe(EligibilityCriterion criterion) {
        return "Prior therapy included " + Words.all(Parameters.constants(criterion.values(), TherapyClass.class)
                .stream().map(Words.THERAPIES::get).toList());
    }

    @Override
    public Finding evaluate(EligibilityCriterion criterion, ClinicalSnapshot snapshot) {
        Set<Tag> given = snapshot.priorTherapyExposures();
        if (given == null) {
            return Finding.unknown("no line of therapy recorded by " + snapshot.asOf());
        }
        List<EligibilityOutcome> outcomes = new ArrayList<>();
        for (TherapyClass therapy : Parameters.constants(criterion.values(), TherapyClass.class)) {
            outcomes.add(received(therapy, given));
        }
        return new Finding(EligibilityOutcome.allOf(outcomes), Exposures.describe(given, snapshot));
    }

    static EligibilityOutcome received(TherapyClass therapy, Set<Tag> given) {
        Tag tag = Exposures.TAGS.get(therapy);
        if (tag != null) {
            return given.contains(tag) ? EligibilityOutcome.MET : EligibilityOutcome.NOT_MET;
        }
        // lenalidomide: one of the immunomodulatory drugs, which the record does not tell apart
        return given.contains(Tag.IMMUNOMODULATORY_DRUG) ? EligibilityOutcome.UNKNOWN : EligibilityOutcome.NOT_MET;
    }
}

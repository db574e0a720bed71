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
 * {@code REFRACTORY_TO_THERAPY}: the disease is refractory to each therapy named (Carvykti US: "refractory to
 * lenalidomide"). The record holds refractoriness to the disease as a whole, not per drug, so this is
 * unknown unless the therapy was never given, in which case the disease cannot be refractory to it.
 */
final class RefractoryToTherapy implements CriterionEvaluator {

    @Override
    public String describe(EligibilityCriterion criterion) {
        return "Refractory to " + Words.all(Parameters.constants(criterion.values(), TherapyClass.class)
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
            outcomes.add(PriorTherapyIncludes.received(therapy, given) == EligibilityOutcome.NOT_MET
                    ? EligibilityOutcome.NOT_MET : EligibilityOutcome.UNKNOWN);
        }
        return new Finding(EligibilityOutcome.allOf(outcomes), Exposures.describe(given, snapshot)
                + "; the record does not hold refractoriness to a single drug");
    }
}

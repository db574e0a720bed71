package org.cartpath.referral.eligibility;

import org.cartpath.catalogue.EligibilityCriterion;
import org.cartpath.patient.ClinicalSnapshot;

/**
 * {@code PRIOR_LINES_AT_LEAST}: lines of systemic therapy started by the day of assessment. No line on record
 * is unknown, not zero: the record may simply not hold the patient's earlier treatment.
 */
final class PriorLinesAtLeast implements CriterionEvaluator {

    @Override
    public String describe(EligibilityCriterion criterion) {
        return Parameters.whole(criterion.lines())
                .map(lines -> "At least " + lines + (lines == 1 ? " prior line" : " prior lines") + " of systemic therapy")
                .orElse("At least a number of prior lines the catalogue does not give");
    }

    @Override
    public Finding evaluate(EligibilityCriterion criterion, ClinicalSnapshot snapshot) {
        Integer lines = snapshot.priorLinesOfTherapy();
        String data = lines == null ? "no line of therapy recorded by " + snapshot.asOf()
                : lines + (lines == 1 ? " line" : " lines") + " of therapy recorded by " + snapshot.asOf();
        return Parameters.whole(criterion.lines())
                .map(minimum -> lines == null ? Finding.unknown(data) : Finding.of(lines >= minimum, data))
                .orElseGet(() -> Finding.unknown(Parameters.missing("number of lines", criterion.lines())));
    }
}

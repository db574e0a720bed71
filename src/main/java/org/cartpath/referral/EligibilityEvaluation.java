package org.cartpath.referral;

import java.time.LocalDate;
import java.util.List;

/**
 * The evaluation of one patient against one indication of one label version, exactly as it is shown and
 * stored: the criteria with their results, data and sources, and the snapshot values read. The indication
 * is met when the diagnosis is the indication and any pathway is met.
 *
 * @param asOf      the day the patient's data was read as of
 * @param diagnosis the check that the patient's diagnosis is the indication assessed (not a catalogue
 *                  criterion: a label's pathways assume it)
 * @param facts     the values of the clinical snapshot, as shown beside the criteria
 */
public record EligibilityEvaluation(
        String productCode,
        String productName,
        String indication,
        String indicationLabel,
        String jurisdiction,
        String labelVersionId,
        String labelTitle,
        LocalDate asOf,
        String indicationText,
        String indicationSource,
        EligibilityCriterionResult diagnosis,
        List<EligibilityPathwayResult> pathways,
        EligibilityOutcome outcome,
        List<EligibilityFact> facts) {

    public EligibilityEvaluation {
        pathways = List.copyOf(pathways);
        facts = List.copyOf(facts);
    }
}

package org.cartpath.referral;

import java.util.List;

/** One way to qualify for the indication, with each of its criteria; it is met only if all of them are. */
public record EligibilityPathwayResult(
        String pathwayId,
        String text,
        String source,
        EligibilityOutcome outcome,
        List<EligibilityCriterionResult> criteria) {

    public EligibilityPathwayResult {
        criteria = List.copyOf(criteria);
    }
}

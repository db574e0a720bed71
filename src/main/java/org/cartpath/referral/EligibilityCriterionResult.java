package org.cartpath.referral;

/**
 * One criterion as it was evaluated and shown: what it asks, the answer, the patient's data it used and
 * where the criterion comes from.
 *
 * @param criterionId the catalogue's id within its pathway (e.g. {@code age}), or {@code indication} for the
 *                    check that the diagnosis is the indication assessed
 * @param rule        the named rule, e.g. {@code AGE_AT_MOST}
 * @param description what the criterion asks, e.g. "Age at most 25 years"
 * @param dataUsed    the data read, e.g. "age 9 on 2026-11-26"
 * @param source      the criterion's source, e.g. "NICE TA975 §1.1: people 25 years and under"
 */
public record EligibilityCriterionResult(
        String criterionId,
        String rule,
        String description,
        EligibilityOutcome outcome,
        String dataUsed,
        String source) {
}

package org.cartpath.referral;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/**
 * A stored eligibility assessment: the evaluation exactly as the consultant saw it, their decision and
 * signature. Never changed; a re-assessment is the case's next version.
 *
 * @param version            1 for the first assessment of the case, then 2, 3…
 * @param evaluationDigest   SHA-256 of the evaluation's canonical JSON, which the signature vouches for
 * @param proceeds           whether the case went on towards the national panel
 * @param reason             why the result was overridden, or why the case was re-assessed
 * @param signature          the signature's manifestation, e.g. "Dr H Marsh, Consultant — approved, 26 Nov 2026 14:03"
 * @param signatureVerified  whether the signature still matches the stored assessment
 */
public record EligibilityAssessment(
        UUID id,
        CaseId caseId,
        int version,
        EligibilityEvaluation evaluation,
        String evaluationDigest,
        EligibilityDecision decision,
        boolean proceeds,
        String reason,
        Instant assessedAt,
        String assessedBy,
        String organisationName,
        UUID signatureId,
        String signature,
        boolean signatureVerified) {

    public EligibilityOutcome outcome() {
        return evaluation.outcome();
    }
}

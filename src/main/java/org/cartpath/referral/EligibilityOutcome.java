package org.cartpath.referral;

import java.util.Collection;

/**
 * The result of a criterion, a pathway or a whole indication. UNKNOWN means the patient's record lacks
 * the data to decide; it is never read as NOT_MET (ADR 0014).
 */
public enum EligibilityOutcome {
    MET("Met"),
    NOT_MET("Not met"),
    UNKNOWN("Unknown");

    private final String label;

    EligibilityOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Every one must hold: not met if any is not met, else unknown if any is unknown, else met. */
    public static EligibilityOutcome allOf(Collection<EligibilityOutcome> outcomes) {
        if (outcomes.contains(NOT_MET)) {
            return NOT_MET;
        }
        return outcomes.contains(UNKNOWN) ? UNKNOWN : MET;
    }

    /**
     * Any one suffices: met if any is met, else unknown if any is unknown, else not met. With nothing to
     * choose from the answer is unknown: an indication without criteria cannot be said to be met.
     */
    public static EligibilityOutcome anyOf(Collection<EligibilityOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return UNKNOWN;
        }
        if (outcomes.contains(MET)) {
            return MET;
        }
        return outcomes.contains(UNKNOWN) ? UNKNOWN : NOT_MET;
    }
}

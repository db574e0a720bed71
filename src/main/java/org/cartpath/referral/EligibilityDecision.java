package org.cartpath.referral;

/**
 * What the consultant did with the evaluated result. Confirming a result that is met lets the case proceed
 * to the national panel; confirming one that is not met or unknown stops it. An override, always with a
 * reason, does the opposite: proceeds although the result is not met or unknown, or stops although it is met.
 */
public enum EligibilityDecision {
    CONFIRMED("Confirmed"),
    OVERRIDDEN("Overridden");

    private final String label;

    EligibilityDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the case goes on to the panel after this decision on a result. */
    public boolean proceeds(EligibilityOutcome result) {
        return (this == CONFIRMED) == (result == EligibilityOutcome.MET);
    }
}

package org.cartpath.referral.eligibility;

import org.cartpath.referral.EligibilityOutcome;

/** What an evaluator found: the outcome and the data it read to reach it, in words a clinician checks. */
public record Finding(EligibilityOutcome outcome, String dataUsed) {

    static Finding met(String dataUsed) {
        return new Finding(EligibilityOutcome.MET, dataUsed);
    }

    static Finding notMet(String dataUsed) {
        return new Finding(EligibilityOutcome.NOT_MET, dataUsed);
    }

    static Finding unknown(String dataUsed) {
        return new Finding(EligibilityOutcome.UNKNOWN, dataUsed);
    }

    static Finding of(boolean holds, String dataUsed) {
        return holds ? met(dataUsed) : notMet(dataUsed);
    }
}

package org.cartpath.referral.eligibility;

import org.cartpath.referral.EligibilityOutcome;

/** One line of an eligibility table: the patient, and the outcome the label gives them. */
record EligibilityRow(String name, SnapshotBuilder patient, EligibilityOutcome expected) {

    static EligibilityRow row(String name, SnapshotBuilder patient, EligibilityOutcome expected) {
        return new EligibilityRow(name, patient, expected);
    }

    @Override
    public String toString() {
        return name + " → " + expected;
    }
}

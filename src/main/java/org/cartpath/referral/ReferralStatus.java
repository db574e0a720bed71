package org.cartpath.referral;

/** Where a referral is in triage. The case's own stage is the journey's. */
public enum ReferralStatus {
    SUBMITTED("Waiting for triage"),
    MORE_INFORMATION_REQUESTED("More information requested"),
    ACCEPTED("Accepted"),
    DECLINED("Declined");

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

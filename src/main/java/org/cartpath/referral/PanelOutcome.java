package org.cartpath.referral;

/** What a panel member votes for, and what the chair decides (ADR 0014). */
public enum PanelOutcome {
    APPROVE("Approve"),
    DECLINE("Decline"),
    DEFER("Defer to the next meeting"),
    REQUEST_INFORMATION("Request more information");

    private final String label;

    PanelOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

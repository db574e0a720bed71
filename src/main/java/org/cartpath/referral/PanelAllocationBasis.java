package org.cartpath.referral;

/** Why the panel allocates a case to a treatment centre other than the one it was referred to (ADR 0014). */
public enum PanelAllocationBasis {
    GEOGRAPHY("Geography"),
    CAPACITY("Capacity"),
    PATIENT_PREFERENCE("Patient preference");

    private final String label;

    PanelAllocationBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

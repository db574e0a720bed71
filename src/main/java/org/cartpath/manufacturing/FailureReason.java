package org.cartpath.manufacturing;

/** Why manufacturing failed (ADR 0012). Counted for the outcomes reports. */
public enum FailureReason {
    POOR_GROWTH("Poor growth"),
    LOW_VIABILITY("Low viability"),
    LOW_PURITY("Low purity"),
    OTHER("Other");

    private final String label;

    FailureReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

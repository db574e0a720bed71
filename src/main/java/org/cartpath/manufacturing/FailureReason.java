package org.cartpath.manufacturing;

/** Why manufacturing failed (issue 7, item 1). Counted for the outcomes reports. */
public enum FailureReason {
    POOR_GROWTH, LOW_VIABILITY, LOW_PURITY, OTHER
}

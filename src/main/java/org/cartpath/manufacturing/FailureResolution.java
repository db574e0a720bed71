package org.cartpath.manufacturing;

/**
 * What follows a failed manufacture (ADR 0012): new cells must be collected (the case goes back to
 * booking), or the manufacturer makes another attempt from the cells it holds.
 */
public enum FailureResolution {
    RE_COLLECTION("Collect new cells"),
    RE_MANUFACTURE("Manufacture again from the cells held");

    private final String label;

    FailureResolution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

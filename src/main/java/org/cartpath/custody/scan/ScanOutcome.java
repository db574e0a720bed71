package org.cartpath.custody.scan;

/** How a scan compared with what was expected. Only a {@link #MISMATCH} is a hard stop. */
public enum ScanOutcome {
    /** The identifier expected. */
    MATCH("Match"),
    /** Another identifier: possibly another patient's cells. A hard stop. */
    MISMATCH("Mismatch: hard stop"),
    /** This case's identifier, but the other symbol (the DIN where the COI was asked for, or the reverse). */
    WRONG_SYMBOL("Wrong symbol scanned"),
    /** Not a COI or DIN, or a keyed check character that does not match. */
    UNREADABLE("Not readable");

    private final String label;

    ScanOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

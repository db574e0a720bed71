package org.cartpath.custody.scan;

/** How a scan compared with what was expected. Only a {@link #MISMATCH} is a hard stop. */
public enum ScanOutcome {
    /** The identifier expected. */
    MATCH,
    /** Another identifier: possibly another patient's cells. A hard stop. */
    MISMATCH,
    /** This case's identifier, but the other symbol (the DIN where the COI was asked for, or the reverse). */
    WRONG_SYMBOL,
    /** Not a COI or DIN, or a keyed check character that does not match. */
    UNREADABLE
}

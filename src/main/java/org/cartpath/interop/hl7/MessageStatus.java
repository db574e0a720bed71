package org.cartpath.interop.hl7;

/** Where a received message stands. */
public enum MessageStatus {
    FILED("Filed"),
    QUEUED("Waiting in the work queue"),
    MATCHED("Filed after matching"),
    DISMISSED("Rejected"),
    REFUSED("Refused (malformed)"),
    REPLAY("Replay of an earlier message");

    private final String label;

    MessageStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

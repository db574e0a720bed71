package org.cartpath.referral;

/** How soon the referrer asks the centre to act; the centre decides the clinical priority. */
public enum Urgency {
    ROUTINE("Routine"),
    URGENT("Urgent");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

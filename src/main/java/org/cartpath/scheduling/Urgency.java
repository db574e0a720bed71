package org.cartpath.scheduling;

/** Clinical urgency of a waiting case, set by its consultant with a reason. */
public enum Urgency {
    ROUTINE("Routine"), URGENT("Urgent"), EMERGENCY("Emergency");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

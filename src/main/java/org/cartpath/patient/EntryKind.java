package org.cartpath.patient;

/**
 * The kinds of dated entry in a patient's clinical history. Each is append-only: a correction is a new
 * entry, and a wrongly entered one is voided with a reason.
 */
public enum EntryKind {
    MEASUREMENT("Weight and height"),
    DIAGNOSIS("Diagnosis"),
    DISEASE_STATUS("Disease status"),
    THERAPY_LINE("Line of therapy"),
    TRANSPLANT("Transplant"),
    ANTIGEN_STATUS("Target antigen status"),
    CNS_STATUS("CNS status"),
    PERFORMANCE_STATUS("Performance status"),
    ORGAN_FUNCTION("Organ function"),
    CONSENT("Consent");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The audit action for a new entry of this kind, e.g. {@code MEASUREMENT_RECORDED}. */
    public String recordedAction() {
        return name() + "_RECORDED";
    }
}

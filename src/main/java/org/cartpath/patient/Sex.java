package org.cartpath.patient;

/**
 * The patient's sex as used for clinical calculations (Cockcroft–Gault, reference ranges): the values of
 * the NHS Data Dictionary's "Person Phenotypic Sex" (male, female, indeterminate, not known).
 */
public enum Sex {
    FEMALE("Female"),
    MALE("Male"),
    INDETERMINATE("Indeterminate"),
    NOT_KNOWN("Not known");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.cartpath.monitoring.grading;

/** The vasopressors that grade CRS hypotension (ASTCT 2019, Lee et al., Biol Blood Marrow Transplant 2019). */
public enum Vasopressor {
    NOREPINEPHRINE,
    EPINEPHRINE,
    PHENYLEPHRINE,
    DOPAMINE,
    VASOPRESSIN;

    /**
     * ASTCT 2019 grade 4 is "multiple vasopressors (excluding vasopressin)": vasopressin is a vasopressor for
     * grade 3 but never counts towards "multiple".
     */
    boolean countsTowardsSeveral() {
        return this != VASOPRESSIN;
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

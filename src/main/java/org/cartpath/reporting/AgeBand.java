package org.cartpath.reporting;

/**
 * Age at infusion in whole years. The bands follow the licences: tisagenlecleucel for B-ALL is licensed up to and
 * including 25 years (Kymriah SmPC, section 4.1), children are under 18, and 65 is the usual older-adult cut-off of the
 * lymphoma trials (docs/clinical/outcome-measures.md, "Cohort").
 */
public enum AgeBand {
    UNDER_18("Under 18", 0, 17),
    UNDER_26("Under 26", 0, 25),
    FROM_18_TO_25("18 to 25", 18, 25),
    FROM_26_TO_64("26 to 64", 26, 64),
    FROM_65("65 and over", 65, 200);

    private final String label;
    private final int fromYears;
    private final int toYears;

    AgeBand(String label, int fromYears, int toYears) {
        this.label = label;
        this.fromYears = fromYears;
        this.toYears = toYears;
    }

    public String label() {
        return label;
    }

    public int fromYears() {
        return fromYears;
    }

    public int toYears() {
        return toYears;
    }
}

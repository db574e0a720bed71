package org.cartpath.shared;

/** The kinds of organisation that take part in a CAR-T treatment (docs/clinical/README.md, "Who takes part"). */
public enum OrganisationKind {
    TREATMENT_CENTRE("Treatment centre"),
    REFERRING_HOSPITAL("Referring hospital"),
    NATIONAL_PANEL("National CAR-T clinical panel"),
    MANUFACTURER("Manufacturer"),
    COURIER("Courier"),
    COMMISSIONER("Commissioner or registry");

    private final String label;

    OrganisationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Manufacturers and couriers handle the cells but must never learn who the patient is
     * (ADR 0009, ADR 0016): they see the chain-of-identity identifier, product and dates.
     */
    public boolean seesPatientIdentity() {
        return this != MANUFACTURER && this != COURIER;
    }
}

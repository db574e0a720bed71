package org.cartpath.patient;

/**
 * The diseases CAR-T is given for (docs/clinical/eligibility.md), and the catalogue indication each one counts as.
 * DLBCL and PMBCL are large B-cell lymphomas (WHO 5th edition and ICC 2022 group them as LBCL), and
 * the catalogue's indications are written for LBCL as a whole; a product whose label names DLBCL or PMBCL
 * alone says so in its own criteria.
 */
public enum DiagnosisCode {
    B_ALL("B-cell acute lymphoblastic leukaemia", "B_ALL"),
    LBCL("Large B-cell lymphoma", "LBCL"),
    DLBCL("Diffuse large B-cell lymphoma", "LBCL"),
    PMBCL("Primary mediastinal large B-cell lymphoma", "LBCL"),
    MCL("Mantle cell lymphoma", "MCL"),
    FL("Follicular lymphoma", "FL"),
    MULTIPLE_MYELOMA("Multiple myeloma", "MULTIPLE_MYELOMA"),
    OTHER("Other (described)", null);

    private final String label;
    private final String indicationCode;

    DiagnosisCode(String label, String indicationCode) {
        this.label = label;
        this.indicationCode = indicationCode;
    }

    public String label() {
        return label;
    }

    /** The catalogue's indication code (B_ALL, LBCL, MCL, FL, MULTIPLE_MYELOMA), or null for OTHER. */
    public String indicationCode() {
        return indicationCode;
    }
}

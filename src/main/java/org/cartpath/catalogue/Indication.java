package org.cartpath.catalogue;

/**
 * The diseases a product is labelled for. Sub-types (PMBCL, high-grade B-cell lymphoma, follicular lymphoma
 * grade 3B…) are eligibility criteria of the indication, not indications of their own.
 */
public enum Indication {
    B_ALL("B-cell acute lymphoblastic leukaemia"),
    LBCL("Large B-cell lymphoma"),
    MCL("Mantle cell lymphoma"),
    FL("Follicular lymphoma"),
    MULTIPLE_MYELOMA("Multiple myeloma");

    private final String label;

    Indication(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

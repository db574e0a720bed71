package org.cartpath.manufacturing;

/**
 * How an out-of-specification lot may still be given (docs/clinical/dosing.md): in the US through expanded
 * access or a single-patient IND; in the EU and UK as an exceptional release on the physician's request.
 */
public enum ExceptionalRoute {
    EXPANDED_ACCESS("Expanded access (US)"),
    SINGLE_PATIENT_IND("Single-patient IND (US)"),
    EXCEPTIONAL_RELEASE("Exceptional release on the physician's request (EU/UK)");

    private final String label;

    ExceptionalRoute(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

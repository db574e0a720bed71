package org.cartpath.manufacturing;

/** What a manufacturer reports about a case's cells (ADR 0012). */
public enum ManufacturingStatus {
    MATERIAL_RECEIVED("Material received"),
    MANUFACTURING_STARTED("Manufacturing started"),
    IN_QC("In quality control"),
    RELEASED("Released"),
    OUT_OF_SPECIFICATION("Out of specification"),
    FAILED("Failed");

    private final String label;

    ManufacturingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.cartpath.interop.hl7;

/**
 * The laboratory measurements cartpath files from results messages, each in the one unit cartpath keeps it in (the SI
 * units UK laboratories report). A local test code maps to one of these in {@code interop_lab_code}; the units it may
 * arrive in, with their conversion factors, are in {@code interop_lab_unit}.
 */
public enum LabMeasurement {
    ANC("Neutrophils (ANC)", "10^9/L"),
    PLATELETS("Platelets", "10^9/L"),
    HAEMOGLOBIN("Haemoglobin", "g/L"),
    CRP("C-reactive protein", "mg/L"),
    FERRITIN("Ferritin", "µg/L"),
    CREATININE("Creatinine", "µmol/L"),
    IGG("Immunoglobulin G", "g/L"),
    CD19_B_CELLS("CD19+ B cells", "cells/µL");

    private final String label;
    private final String unit;

    LabMeasurement(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}

package org.cartpath.monitoring.grading;

/** How oxygen is given, which is what grades CRS hypoxia (ASTCT 2019, Lee et al. 2019). */
public enum OxygenDevice {
    NONE("no supplemental oxygen"),
    BLOW_BY("blow-by oxygen"),
    NASAL_CANNULA("nasal cannula"),
    HIGH_FLOW_NASAL_CANNULA("high-flow nasal cannula"),
    FACEMASK("facemask"),
    NON_REBREATHER("non-rebreather mask"),
    VENTURI("Venturi mask"),
    CPAP("CPAP"),
    BIPAP("BiPAP"),
    MECHANICAL_VENTILATION("mechanical ventilation");

    private final String label;

    OxygenDevice(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}

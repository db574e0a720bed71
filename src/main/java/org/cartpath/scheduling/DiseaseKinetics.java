package org.cartpath.scheduling;

/** How fast a waiting case's disease is moving, set by its consultant with a reason. */
public enum DiseaseKinetics {
    INDOLENT("Indolent"), STABLE("Stable"), PROGRESSIVE("Progressive"), RAPIDLY_PROGRESSIVE("Rapidly progressive");

    private final String label;

    DiseaseKinetics(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

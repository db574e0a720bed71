package org.cartpath.catalogue;

/** Where a label applies. UK means England: the MHRA summary of product characteristics and NICE guidance. */
public enum Jurisdiction {
    UK("United Kingdom (MHRA, NICE)"),
    EU("European Union (EMA)"),
    US("United States (FDA)");

    private final String label;

    Jurisdiction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

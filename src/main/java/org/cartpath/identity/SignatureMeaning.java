package org.cartpath.identity;

/** What a signature means (21 CFR 11.50(a)(3)): shown with the signature wherever it is displayed or printed. */
public enum SignatureMeaning {
    APPROVED("approved"),
    REVIEWED("reviewed"),
    VERIFIED("verified"),
    RELEASED("released"),
    ADMINISTERED("administered"),
    AUTHORED("authored"),
    WITNESSED("witnessed"),
    REJECTED("rejected"),
    OVERRIDDEN("overridden");

    private final String label;

    SignatureMeaning(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

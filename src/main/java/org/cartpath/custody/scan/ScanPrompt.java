package org.cartpath.custody.scan;

/** What a person is asked to scan at a step, and which identifier it must carry. */
public enum ScanPrompt {
    PATIENT_WRISTBAND("the patient's wristband", Expects.COI),
    BAG_COI("the COI on the collection bag", Expects.COI),
    BAG_DIN("the DIN on the collection bag", Expects.DIN),
    PRODUCT_COI("the COI on the product bag", Expects.COI),
    SHIPPER_COI("the COI on the shipper", Expects.COI);

    public enum Expects { COI, DIN }

    private final String label;
    private final Expects expects;

    ScanPrompt(String label, Expects expects) {
        this.label = label;
        this.expects = expects;
    }

    public String label() {
        return label;
    }

    public Expects expects() {
        return expects;
    }
}

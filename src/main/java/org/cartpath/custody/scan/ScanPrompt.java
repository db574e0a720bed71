package org.cartpath.custody.scan;

/**
 * What a person is asked to scan at a step, and which identifier it must carry. The patient's wristband carries the
 * patient's own identifiers ({@link org.cartpath.custody.PatientWristbandCode}), never the product's COI: a check that
 * could pass by scanning the product bag twice would never identify the patient (ADR 0006, ADR 0016).
 */
public enum ScanPrompt {
    PATIENT_WRISTBAND("the patient's wristband", Expects.WRISTBAND),
    BAG_COI("the COI on the collection bag", Expects.COI),
    BAG_DIN("the DIN on the collection bag", Expects.DIN),
    PRODUCT_COI("the COI on the product bag", Expects.COI),
    SHIPPER_COI("the COI on the shipper", Expects.COI);

    public enum Expects { COI, DIN, WRISTBAND }

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

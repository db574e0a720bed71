package org.cartpath.scheduling;

/**
 * The steps a booking plans, in the order of the journey (ADR 0008). Later
 * modules record the actual date of each against the plan.
 */
public enum PlanStep {
    APHERESIS("Apheresis (cells collected)"),
    SHIPMENT_TO_SITE("Shipment to the manufacturing site"),
    MANUFACTURING("Manufacturing"),
    RELEASE("Release (quality control)"),
    RETURN_SHIPMENT("Return shipment to the centre"),
    LYMPHODEPLETION("Lymphodepletion"),
    INFUSION("Infusion (day 0)"),
    INPATIENT("In a bed after infusion");

    private final String label;

    PlanStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

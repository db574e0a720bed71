package org.cartpath.custody.labels;

/**
 * The labels cartpath prints for a collection. Who may read a label decides what it may show: only a label
 * that stays with the patient in the hospital carries the patient's identity (ADR 0006, ADR 0009: a manufacturer
 * or courier sees the chain-of-identity identifier, product and dates, never a name, NHS number or date of
 * birth).
 */
public enum LabelKind {

    /** On the apheresis bag: travels frozen to the manufacturer, so no patient identity. */
    COLLECTION_BAG("COLLECTION BAG", false),
    /** On the dry shipper: handled by couriers and the manufacturer, so no patient identity. */
    SHIPPER("SHIPPER", false),
    /**
     * On the patient: the patient's own identifiers, never the COI. The collection and bedside checks match it to the
     * patient's record, and the bag's COI to the case.
     */
    PATIENT_WRISTBAND("PATIENT WRISTBAND", true);

    private final String title;
    private final boolean carriesPatientIdentity;

    LabelKind(String title, boolean carriesPatientIdentity) {
        this.title = title;
        this.carriesPatientIdentity = carriesPatientIdentity;
    }

    public String title() {
        return title;
    }

    /** Whether this label may show the patient's name, NHS number and date of birth. */
    public boolean carriesPatientIdentity() {
        return carriesPatientIdentity;
    }
}

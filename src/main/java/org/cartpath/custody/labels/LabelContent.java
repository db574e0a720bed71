package org.cartpath.custody.labels;

import java.time.LocalDate;
import java.util.Locale;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;

/**
 * What one label says.
 *
 * @param din           the collection's DIN; required on a bag and a shipper, optional on a wristband
 * @param patient       printed only where {@link LabelKind#carriesPatientIdentity()}; ignored elsewhere
 *                      even when given, and required on a wristband
 * @param reprintReason required on a reprint, for the custody record; never printed, because free text
 *                      could carry anything onto a label that leaves the hospital
 */
public record LabelContent(
        LabelKind kind,
        ChainOfIdentityId coi,
        Din din,
        String productName,
        LocalDate collectionDate,
        PatientIdentity patient,
        boolean reprint,
        String reprintReason) {

    public LabelContent {
        require(kind != null, "the kind of label is required");
        require(coi != null, "the chain-of-identity identifier is required");
        require(din != null || kind == LabelKind.PATIENT_WRISTBAND, "a " + kindName(kind) + " label needs the DIN");
        require(productName != null && !productName.isBlank(), "the product name is required");
        require(collectionDate != null, "the collection date is required");
        require(patient != null || !kind.carriesPatientIdentity(), "a " + kindName(kind) + " needs the patient's identity");
        require(!reprint || (reprintReason != null && !reprintReason.isBlank()), "a reprint needs a reason");
    }

    private static String kindName(LabelKind kind) {
        return kind.title().toLowerCase(Locale.ROOT);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

package org.cartpath.custody.labels;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;
import org.cartpath.journey.CaseId;

/**
 * A label as it was printed: exactly what it said, who printed it and when, and whether it was a reprint (with
 * the reason). Rendering a print again gives the same label.
 *
 * @param itemId  the collection bag the label belongs to (a wristband names its DIN too)
 * @param patient only on a wristband
 */
public record LabelPrint(
        UUID id,
        CaseId caseId,
        UUID itemId,
        LabelKind kind,
        ChainOfIdentityId coi,
        Din din,
        String productName,
        LocalDate collectionDate,
        PatientIdentity patient,
        boolean reprint,
        String reason,
        Instant printedAt,
        String printedByName) {

    public LabelContent content() {
        return new LabelContent(kind, coi, din, productName, collectionDate, patient, reprint, reason);
    }

    /** The label's part of a URL: {@code collection-bag}, {@code shipper}, {@code patient-wristband}. */
    public static String slug(LabelKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind a URL names, or null. */
    public static LabelKind kindOf(String slug) {
        for (LabelKind kind : LabelKind.values()) {
            if (slug(kind).equals(slug)) {
                return kind;
            }
        }
        return null;
    }
}

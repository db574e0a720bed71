package org.cartpath.custody.scan;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/**
 * One scan as recorded, matched or not. A mismatch keeps both identities: {@code expected} and what was read
 * from {@code scanned}, and the case the scanned identifier belongs to when cartpath knows it.
 *
 * @param purpose the step it was made for (COLLECTION, RECEIPT_AT_CENTRE, BEDSIDE, RECEIPT_AT_MANUFACTURER, HAND_OVER)
 * @param scanned the text exactly as received
 */
public record Scan(
        UUID id,
        CaseId caseId,
        UUID verificationId,
        String purpose,
        ScanPrompt prompt,
        String expected,
        String scanned,
        ScanOutcome outcome,
        CaseId scannedCaseId,
        String detail,
        String actorId,
        String actorName,
        String organisationName,
        Instant scannedAt) {

    public boolean isHardStop() {
        return outcome == ScanOutcome.MISMATCH;
    }
}

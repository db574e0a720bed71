package org.cartpath.custody.scan;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/**
 * An identity hard stop still in force at a treating centre, for QA's review queue and the custody alerts page: the
 * mismatch as recorded, and QA's override if one is signed but not yet co-signed.
 *
 * @param overrideSignedBy QA's name when QA has signed an override that still needs a second signature, else null
 */
public record OpenHardStop(UUID scanId, CaseId caseId, String caseReference, UUID patientId, ScanPrompt prompt,
        String expected, String detail, String scannedBy, Instant scannedAt, String overrideSignedBy) {
}
